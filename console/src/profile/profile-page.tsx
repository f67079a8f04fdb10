/**
 * @module My profile, reached from the profile drop-down: the user's Gravatar (seed 001: "we grab
 * photos from your Gravatar image, associated with your email address"), their details, the
 * password, and the sessions signed in as them.
 */
import type { Me } from '../auth/session';
import { Avatar } from '../components/avatar';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form-view';
import { Sessions } from './sessions';

export function ProfilePage({ me }: { me: Me }) {
  return (
    <div className="profile">
      <h1 className="page-title">My profile</h1>
      <section className="profile-card profile-identity" aria-label="Profile photo">
        <Avatar url={me.avatarUrl} name={me.displayName} size={72} />
        <div>
          <p className="profile-identity-name">{me.displayName}</p>
          <p className="muted">
            Your photo comes from <a href="https://gravatar.com" target="_blank" rel="noreferrer">Gravatar</a>, by your email address
            ({me.email}). To change it, create or edit a Gravatar account with that address.
          </p>
        </div>
      </section>
      <section className="profile-card">
        <ProfileForm me={me} />
      </section>
      <PasswordForm />
      <Sessions />
    </div>
  );
}
