import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Metadatas = ReturnType<Lookup>;

const MEMOISED = Symbol.for('c360.validation-metadata-memoised');

/**
 * class-validator finds a DTO's rules anew on every validation, of every nested object too: it filters
 * the class's own rules, then walks every class it has rules for (133 in the platform) with an
 * `instanceof` each to find inherited ones. That walk was a third of validation and 3.6 % of the HTTP
 * thread under load (docs/benchmarks.md). The answer only changes when a decorator registers new rules,
 * so it is kept per class and options, and forgotten whenever rules are added. The lists are only
 * read by the validator (grouped by property, filtered into new arrays), never changed, so sharing one is safe.
 */
export function memoiseValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [MEMOISED]?: true };
  if (patched[MEMOISED]) return;
  patched[MEMOISED] = true;

  let known = new Map<unknown, Map<string, Metadatas>>();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = known.get(target);
    if (!forTarget) known.set(target, (forTarget = new Map()));
    let metadatas = forTarget.get(key);
    if (!metadatas) forTarget.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };

  const forget = <T extends unknown[]>(add: (...args: T) => void) =>
    ((...args: T) => {
      known = new Map();
      add(...args);
    }) as (...args: T) => void;
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addValidationSchema = forget(storage.addValidationSchema.bind(storage));
}
