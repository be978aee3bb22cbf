/**
 * Tenancy pass: the tenant root is always `Organization`; this pass learns the PRD's other words for it
 * ("workspace", "store", "company"), finds who signs in (users, agents, employees, staff…) and whether users
 * are shared across tenants (then User is global and a Membership carries the per-org role).
 */
import { pascalCase } from '../../../model/names.ts';
import { markUsed, type Doc } from './doc.ts';
import { normalise } from './registry.ts';
import { singular, tokens, trimRef } from './text.ts';
import type { Sentence } from './types.ts';
import { CLAUSE_WORDS } from './vocabulary/grammar.ts';
import { FIELD_WORDS, NOT_ENTITY } from './vocabulary/nouns.ts';
import { CUSTOMER_IS, PEOPLE_ARE_USERS, PEOPLE_HEADS, GENERIC_PEOPLE, GLOBAL_USERS, NOT_SIGNING_IN, ORG_CALLED, ORG_IS, SIGN_IN } from './vocabulary/tenancy.ts';

export function findTenancy(doc: Doc): void {
  const reg = doc.registry;
  const first = doc.sentences.find((s) => /\borgani[sz]ation|\btenant\b|\bworkspace\b/i.test(s.text)) ?? doc.sentences[0];
  reg.add('Organization', { kind: 'tenant-root', line: first?.line ?? 1, ref: trimRef(first?.text ?? 'tenant root'), evidence: 'rule' });

  for (const s of doc.sentences) {
    const m = ORG_IS.exec(s.text);
    if (m) addOrgAlias(doc, m[1]!);
    const c = CUSTOMER_IS.exec(s.text);
    if (c) addOrgAlias(doc, c[1] ?? c[2] ?? c[3] ?? c[4] ?? c[5]!);
    for (const r of ORG_CALLED) {
      const c = r.exec(s.text);
      if (c) addOrgAlias(doc, c[1]!);
    }
  }

  // Who signs in.
  for (const s of doc.sentences) {
    if (!SIGN_IN.test(s.text) || NOT_SIGNING_IN.test(s.text)) continue;
    const who = loginNoun(doc, s);
    if (!who || reg.isOrgPhrase(who)) continue;
    const name = pascalCase(who);
    if (!reg.userEntity) {
      reg.userEntity = name;
      reg.add(name, { kind: 'tenant', line: s.line, ref: trimRef(s.text), evidence: 'sign-in' });
      markUsed(doc, s);
    }
    if (reg.userEntity === name) {
      // "sign in with their work email", "log into the admin with email + password".
      const withList = /\b(?:sign|log)(?:s|ged)?[- ]?(?:in|into|on)\b[^.;]*?\bwith\s+(?:their|an?|the|his|her)?\s*([^.;()]+)/i.exec(s.text);
      if (withList) doc.statements.push({ entity: name, text: withList[1]!.replace(/\s+(?:that|which)\s+is\s+(unique.*)$/i, ' ($1)'), line: s.line, ref: trimRef(s.text), block: s.block });
      const either = /\b(?:is|are) either (?:the |an? )?([a-z]+) or (?:an? |the )?(?:regular |normal |plain )?([a-z]+)\b/i.exec(s.text);
      if (either) doc.statements.push({ entity: name, text: `role (${either[1]}, ${singular(either[2]!)})`, line: s.line, ref: trimRef(s.text), block: s.block });
    }
  }
  // "Lawyers, paralegals and the office manager all have user accounts": those words mean the users.
  for (const s of doc.sentences) {
    const m = PEOPLE_ARE_USERS.exec(s.text);
    if (!m || !reg.userEntity) continue;
    for (const part of m[1]!.split(/\s*(?:,|\band\b)\s*/)) {
      const w = normalise(part);
      if (w.length >= 1 && w.length <= 2 && !reg.isOrgPhrase(w)) reg.aliases.set(w.join(' '), reg.userEntity);
    }
  }
  if (reg.userEntity && reg.userEntity !== 'User') {
    for (const w of ['user', 'login', 'user account', 'account holder']) reg.aliases.set(w, reg.userEntity);
  }

  const global = doc.sentences.find((s) => GLOBAL_USERS.test(s.text));
  if (global) {
    const user = reg.add(reg.userEntity ?? 'User', { kind: 'global', line: global.line, ref: trimRef(global.text), evidence: 'global-users' });
    user.kind = 'global';
    reg.userEntity = user.name;
    markUsed(doc, global);
    const membership = doc.sentences.find((s) => /\bmembership/i.test(s.text));
    if (membership) {
      reg.add('Membership', { kind: 'tenant', line: membership.line, ref: trimRef(membership.text), evidence: 'membership' });
      reg.aliases.set('member', 'Membership');
      // A membership is the user's place in one org: it always names the user.
      doc.relations.push({ name: 'user', from: 'Membership', to: user.name, cardinality: 'many-to-one', field: 'userId', required: true, requiredStated: true, line: membership.line, ref: trimRef(membership.text) });
    }
  }
}

function addOrgAlias(doc: Doc, phrase: string): void {
  const w = normalise(phrase);
  if (w.length === 0 || w.some((x) => CLAUSE_WORDS.includes(x))) return;
  doc.registry.orgAliases.add(w.join(' '));
  doc.registry.orgAliases.add(w[w.length - 1]!);
}

/** The noun naming who signs in, from "People sign in as users", "Staff log into…", "agents — staff who log in". */
function loginNoun(doc: Doc, s: Sentence): string | undefined {
  const text = s.text;
  const as = /\b(?:sign|log)(?:s|ged)?[- ]?in\s+as\s+(?:an?\s+)?([a-z]+)/i.exec(text);
  if (as) return singular(as[1]!);
  // "**agents** — support staff who log in", "users — people who log into the admin".
  const lead = /^([A-Za-z][\w ]{0,30}?)\s+[—–-]\s+/.exec(text);
  if (lead) {
    const w = normalise(lead[1]!);
    if (w.length && w.length <= 2 && !NOT_ENTITY.includes(w.join(' '))) return w.join(' ');
  }
  // Subject before the verb: "Employees sign in with…", "Staff log into…", "Users belong to one organization and sign in…".
  const before = text.slice(0, text.search(SIGN_IN));
  let subject = subjectOf(before);
  // "Employee code is … used to log in": an identifier signs nobody in; the records it identifies do.
  if (subject && (FIELD_WORDS.includes(subject.split(' ').pop()!) || /^(?:pin|password|badge|id|username|passcode|email|e-mail|login)$/.test(subject.split(' ').pop()!))) {
    const owner = doc.sectionEntities.get(s.block.section);
    if (owner?.length !== 1) return undefined;
    subject = normalise(owner[0]!.replace(/([a-z])([A-Z])/g, '$1 $2')).join(' ');
  }
  // "**Staff users.** The operator's employees sign in …": a heading that names people names the record.
  const named = doc.sectionEntities.get(s.block.section);
  if (named?.length === 1 && PEOPLE_HEADS.test(named[0]!)) return normalise(named[0]!.replace(/([a-z])([A-Z])/g, '$1 $2')).join(' ');
  // "Everyone above signs in": a generic word for people, whatever follows it.
  if (subject && GENERIC_PEOPLE.includes(subject.split(' ')[0]!)) return 'user';
  if (subject && !GENERIC_PEOPLE.includes(subject)) return subject;
  // "people who log into the admin" under a "users" heading: the heading names them.
  const heading = doc.sectionEntities.get(s.block.section);
  if (heading?.length === 1) return heading[0]!.toLowerCase();
  const headingTitle = normalise(s.block.section.title.replace(/^[\d.\s]+/, ''));
  if (headingTitle.length === 1 && /^(?:users?|members?|staff|agents?|employees?|accounts?)$/.test(headingTitle[0]!)) return headingTitle[0];
  if (subject && GENERIC_PEOPLE.includes(subject)) return 'user';
  return undefined;
}

/** The noun phrase a clause starts with ("Team members log in…" → "team member"), or undefined. */
function subjectOf(clause: string): string | undefined {
  const t = tokens(clause.replace(/\([^)]*\)/g, ''));
  if (t.length === 0) return undefined;
  const stop = t.findIndex((w) => CLAUSE_WORDS.includes(w) || ['and', 'who', 'with', 'to'].includes(w));
  const np = normalise(stop < 0 ? t : t.slice(0, stop));
  if (np.length === 0 || np.length > 2) return undefined;
  if (np.some((w) => ['even', 'though', 'once', 'only', 'also', 'then', 'now', 'after', 'before', 'later', 'first', 'today'].includes(w))) return undefined;
  return np.join(' ');
}
