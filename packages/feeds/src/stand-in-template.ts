// A text rendered once with stand-ins where its varying parts go, cut there, and filled in for
// each use: how feed items of the same shape are made without rendering each one again (see
// render-once.ts).

/** A text cut at its slots: literals[0], slot 0, literals[1], …, the last literal. */
export interface Template<Name extends string> {
  literals: string[];
  slots: Name[];
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * `rendered` cut at every occurrence of each slot's stand-in text. Undefined when one of
 * `leftovers` is still in the text between them: a stand-in the renderer wrote in a form it was
 * not looked for in (the caller then renders each text itself).
 */
export function cutAtStandIns<Name extends string>({
  rendered,
  standIns,
  leftovers,
}: {
  rendered: string;
  standIns: Readonly<Record<Name, string>>;
  leftovers: readonly string[];
}): Template<Name> | undefined {
  const names = Object.keys(standIns) as Name[];
  const pattern = new RegExp(names.map((name) => escapeForPattern(standIns[name])).join('|'), 'g');
  const template: Template<Name> = { literals: [], slots: [] };
  let at = 0;
  for (const match of rendered.matchAll(pattern)) {
    template.literals.push(rendered.slice(at, match.index));
    template.slots.push(names.find((name) => standIns[name] === match[0])!);
    at = match.index + match[0].length;
  }
  template.literals.push(rendered.slice(at));
  const left = template.literals.some((literal) =>
    leftovers.some((leftover) => literal.includes(leftover)),
  );
  return left ? undefined : template;
}

/** The template with each slot's text in its place. */
export function fillTemplate<Name extends string>(
  { literals, slots }: Template<Name>,
  text: (name: Name) => string,
): string {
  let out = literals[0]!;
  for (let at = 0; at < slots.length; at++) out += text(slots[at]!) + literals[at + 1]!;
  return out;
}
