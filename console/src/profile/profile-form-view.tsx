/**
 * @module My profile's form: the user name read-only (it never changes once saved, seeds 000/002),
 * then the same fields an admin edits on the Users page, in the same order. Save sends only what
 * changed; an error the API ties to a field is shown under it, and that field gets the focus.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../api/problem-fields';
import type { Me } from '../auth/session';
import { TextAreaField, TextField } from '../components/field';
import { emailChanged, FORM_FIELDS, profilePatch, profileValues, type ProfileFieldName, type ProfileValues } from './profile-form';
import { useUpdateProfile } from './queries';

export function ProfileForm({ me }: { me: Me }) {
  const [values, setValues] = useState<ProfileValues>(() => profileValues(me));
  const [notice, setNotice] = useState<string | null>(null);
  const update = useUpdateProfile();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = update.error ? formErrors(update.error, FORM_FIELDS) : NO_ERRORS;
  useEffect(() => {
    if (update.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-alert')?.focus();
  }, [update.error]);

  const text = (name: ProfileFieldName | 'currentPassword') => ({
    name, value: values[name], error: errors.fields[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const patch = profilePatch(values, me);
    if (Object.keys(patch).length === 0) {
      update.reset();
      setNotice('Nothing to save: no field was changed.');
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        setValues(profileValues({ ...me, ...saved }));
        setNotice('Your profile was saved.');
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="profile-form" aria-labelledby="profile-details-title">
      <h2 id="profile-details-title">Details</h2>
      {errors.form ? <div className="form-alert" role="alert" tabIndex={-1}>{errors.form}</div> : null}
      <div className="form-grid">
        <TextField label="User Name" name="username" value={me.username} readOnly
          hint="Your user name can not be changed: it is how you sign in, and history and logs refer to it." />
        <div className="field-row">
          <TextField label="First Name" required autoComplete="given-name" {...text('firstName')} />
          <TextField label="Last Name" required autoComplete="family-name" {...text('lastName')} />
        </div>
        <TextField label="Display Name" autoComplete="off" hint="How you appear in the history and logs." {...text('displayName')} />
        <TextField label="Alias" autoComplete="off" hint="Used with end users instead of your real name; blank uses the real name." {...text('alias')} />
        <TextField label="Title" autoComplete="organization-title" {...text('title')} />
        <TextField label="Email" type="email" required autoComplete="email" hint="Your Gravatar is the one of this address." {...text('email')} />
        {emailChanged(values, me) ? (
          <TextField label="Current password" type="password" required autoComplete="current-password"
            hint="Needed to change your email, where password reset links are sent." {...text('currentPassword')} />
        ) : null}
        <TextField label="Available From Email" autoComplete="off" hint="Comma-separated addresses you may send from; the first is the default." {...text('senderEmails')} />
        <div className="field-row field-row-phone">
          <TextField label="Phone" type="tel" autoComplete="tel" {...text('phone')} />
          <TextField label="Extension" autoComplete="off" {...text('phoneExtension')} />
        </div>
        <TextField label="Color" autoComplete="off" hint="For example #3b4cca." {...text('color')} />
        <TextAreaField label="Address" rows={2} autoComplete="street-address" {...text('address')} />
        <TextField label="Click To Dial" autoComplete="off" hint="A URL with [Field:Name] placeholders, e.g. https://dialer.example/call?phone=[Field:PhoneNumber]." {...text('clickToDial')} />
        <TextAreaField label="Signature" rows={2} hint="Closing line added to your emails." {...text('signature')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>{update.isPending ? 'Saving…' : 'Save profile'}</button>
        <p className="form-status" role="status">{notice ? <span className="notice">{notice}</span> : null}</p>
      </div>
    </form>
  );
}
