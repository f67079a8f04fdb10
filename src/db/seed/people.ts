/**
 * @module Made-up people for `roster seed`: names, usernames, emails, phones, roles and statuses that
 * vary the way a real customer base does, from a fixed seed, so every run makes the same people.
 * Pure: it writes nothing (see seed.ts).
 */
const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa',
  'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily',
  'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Dorothy', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa',
  'Edward', 'Deborah', 'Ronald', 'Stephanie', 'Timothy', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Kathleen', 'Gary', 'Amy', 'Nicholas', 'Shirley', 'Eric', 'Angela', 'Jonathan', 'Helen', 'Stephen', 'Anna',
  'Larry', 'Brenda', 'Justin', 'Pamela', 'Scott', 'Nicole', 'Brandon', 'Emma', 'Benjamin', 'Samantha', 'Samuel', 'Katherine',
  'Mohammed', 'Fatima', 'Ahmed', 'Aisha', 'Wei', 'Li', 'Yuki', 'Hiroshi', 'Sakura', 'Kenji', 'Priya', 'Arjun', 'Ananya',
  'Rahul', 'Olga', 'Ivan', 'Dmitri', 'Natasha', 'Sven', 'Ingrid', 'Lars', 'Astrid', 'Pierre', 'Camille', 'Louis', 'Chloé',
  'Hans', 'Jürgen', 'Greta', 'Lukas', 'Giulia', 'Marco', 'Francesca', 'Luca', 'José', 'María', 'Carlos', 'Lucía', 'Diego',
  'Sofía', 'João', 'Ana', 'Pedro', 'Beatriz', 'Kwame', 'Amara', 'Chidi', 'Ngozi', 'Zoë', 'Noémie', 'Åsa', 'Björn', 'Siobhán',
  'Seán', 'Niamh', 'Oisín', 'Mei', 'Jun', 'Min-jun', 'Seo-yeon', 'Tomasz', 'Agnieszka', 'Eva', 'Adam', 'Leah', 'Noah', 'Mia',
];

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Kowalski',
  'Nowak', 'Wiśniewski', 'Ivanov', 'Petrov', 'Smirnov', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Hansen',
  'Jensen', 'Nielsen', "O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Tanaka', 'Suzuki', 'Watanabe', 'Takahashi', 'Kim', 'Park',
  'Choi', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Okafor',
  'Mensah', 'Adeyemi', 'Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Fernández', 'González', 'Díaz',
  'van der Berg', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'Haddad', 'Khan', 'Ali', 'Hussein', 'Cohen', 'Levi',
];

const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'corp.example', 'acme.example', 'globex.example', 'initech.example'];

/** mulberry32: a small seeded generator, so the same seed always lists the same people. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Letters and digits only, accents dropped: what people type as a username or mailbox. */
const ascii = (s: string): string => s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();

export interface Person {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  alias: string | null;
  phone: string | null;
  signedIn: boolean;
  /** About 1% admins; the rest plain members. */
  role: 'admin' | 'member';
  /** About 10% deactivated: the Users page lists them apart. */
  active: boolean;
  addedVia: 'invitation' | 'direct';
}

/** Makes people one at a time, each username and email unique among them (the caller keeps 1M in memory at most). */
export function people(seed: number): { next(): Person; random(): number } {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const usernames = new Set<string>();
  const emails = new Set<string>();

  /** `make('')` if nobody has it yet, else `make(n)` with a random number until it is free. */
  function unique(taken: Set<string>, make: (suffix: string) => string): string {
    let candidate = make('');
    while (taken.has(candidate)) candidate = make(String(Math.floor(rand() * 100_000)));
    taken.add(candidate);
    return candidate;
  }

  function next(): Person {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const f = ascii(first);
    const l = ascii(last);
    // Usernames in the shapes companies hand out: jsmith, john.smith, smithj, john_smith42, johns.
    const style = Math.floor(rand() * 5);
    const base = [`${f[0]}${l}`, `${f}.${l}`, `${l}${f[0]}`, `${f}_${l}`, `${f}${l[0]}`][style] ?? `${f}${l}`;
    const username = unique(usernames, (n) => `${base.slice(0, 58)}${n}`);
    const mailbox = rand() < 0.6 ? `${f}.${l}` : username;
    const domain = pick(DOMAINS);
    const email = unique(emails, (n) => `${mailbox}${n}@${domain}`);
    const role = rand() < 0.01 ? 'admin' : 'member';
    const active = rand() >= 0.1;
    return {
      username, email, firstName: first, lastName: last,
      alias: rand() < 0.05 ? `${first} ${last[0]}.` : null,
      phone: rand() < 0.3 ? `+1 555 ${String(Math.floor(rand() * 10_000_000)).padStart(7, '0')}` : null,
      signedIn: rand() < 0.7, role, active, addedVia: rand() < 0.5 ? 'invitation' : 'direct',
    };
  }
  return { next, random: rand };
}
