import type { IdentityHistory } from './history';
import type { PeopleSettings, PersonSettings } from './evidence-settings';

/**
 * Where handles in records, git names and emails meet: the one place that says who a commit's
 * author is and whom a record's `holders: [amira]` means.
 *
 * A git identity (email after `.mailmap`) belongs to the `people` entry that lists its email, else
 * to the one that lists its name (or whose handle it is); else it is a person of its own, shown by
 * its latest name. A name in a record means the `people` entry whose handle, name or email it is,
 * the members of the team it names, else the identities git knows by that name, email or email
 * user (`amira` for amira@example.com); `Name <email>` is looked up by its email, then its name.
 * Case and a leading `@` are ignored.
 */
export class People {
  private readonly byEmail = new Map<string, PersonSettings>();
  private readonly byName = new Map<string, PersonSettings>();
  private readonly persons = new Map<string, string>();
  private readonly gitNamed = new Map<string, Set<string>>();
  private readonly last = new Map<string, number>();
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly settings: PeopleSettings,
    identities: Readonly<Record<string, IdentityHistory>>,
  ) {
    for (const person of settings.people) {
      for (const email of person.emails) this.byEmail.set(email, person);
      for (const name of [person.handle, ...person.names]) if (!this.byName.has(key(name))) this.byName.set(key(name), person);
      this.shown.set(person.handle, person.handle);
    }
    for (const [identity, seen] of Object.entries(identities)) {
      const person = this.personOf(identity, seen);
      this.last.set(person, Math.max(this.last.get(person) ?? 0, seen.last));
      if (!this.shown.has(person)) this.shown.set(person, seen.name || seen.email);
      const email = seen.email.toLowerCase();
      for (const word of [seen.name, email, email.split('@')[0]]) {
        if (!word) continue;
        const set = this.gitNamed.get(key(word)) ?? new Set();
        set.add(person);
        this.gitNamed.set(key(word), set);
      }
    }
  }

  /** The person a git identity is: a `people` handle, or the identity itself. */
  personOf(identity: string, seen?: Pick<IdentityHistory, 'name' | 'email'>): string {
    const known = this.persons.get(identity);
    if (known !== undefined) return known;
    const email = identity.startsWith('name:') ? '' : identity;
    const name = seen?.name ?? (identity.startsWith('name:') ? identity.slice(5) : '');
    const person = (email && this.byEmail.get(email)) || (name && this.byName.get(key(name))) || undefined;
    const found = person ? person.handle : identity;
    this.persons.set(identity, found);
    return found;
  }

  /** How to show a person: their handle, else their latest git name. */
  nameOf(person: string): string {
    return this.shown.get(person) ?? person;
  }

  /** The persons a name written in a record means; empty when neither `people` nor git knows it. */
  named(written: string, depth = 0): readonly string[] {
    // `Name <email>`, as records may name people: the email decides, else the name.
    const address = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(written.trim());
    if (address) {
      const byEmail = this.named(address[2], depth);
      return byEmail.length || !address[1] ? byEmail : this.named(address[1], depth);
    }
    const word = key(written);
    if (!word) return [];
    const team = depth < 4 ? Object.entries(this.settings.teams).find(([handle]) => key(handle) === word) : undefined;
    if (team) return [...new Set(team[1].flatMap((member) => this.named(member, depth + 1)))];
    const person = this.byName.get(word) ?? this.byEmail.get(word);
    if (person) return [person.handle];
    return [...(this.gitNamed.get(word) ?? [])];
  }

  /** The day a person left, from `people`. */
  leftOn(person: string): string | undefined {
    return this.settings.people.find((p) => p.handle === person)?.left;
  }

  /** A person's last commit in the repository (Unix seconds), any file. */
  lastCommit(person: string): number | undefined {
    return this.last.get(person);
  }
}

function key(name: string): string {
  return name.trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}
