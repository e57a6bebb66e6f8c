/**
 * Reads class-transformer's metadata for a class, to tell the `@Type` and
 * `@Transform` entries this library's field decorators added from a user's own
 * (which send the class down the decorator route), and to find wire aliases
 * declared with `@Expose({ name })`.
 *
 * class-transformer keeps its store in `class-transformer/cjs/storage`; it has
 * not changed shape since 0.3 and 0.5.1 is the current release.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown };

/** Functions this library handed to `@Type` / `@Transform` / `@Expose`. */
export const OWN_TRANSFORMER_FUNCTIONS = new WeakSet<Function>();
/** Properties this library exposed on a class (the hidden fields-set key). */
export const OWN_EXPOSED = new WeakMap<Function, Set<string>>();

interface Storage {
  _typeMetadatas: Map<Function, Map<string, { typeFunction?: Function }>>;
  _transformMetadatas: Map<Function, Map<string, Array<{ transformFn: Function }>>>;
  _exposeMetadatas: Map<Function, Map<string, { propertyName: string; options?: { name?: string } }>>;
  _excludeMetadatas: Map<Function, Map<string, unknown>>;
  getStrategy(target: Function): string;
}

/** What class-transformer knows about `cls` and its ancestors beyond this library's own decorators. */
export function ownTransformerMetadata(cls: Function): {
  foreign: boolean;
  properties: Set<string>;
  aliases: Map<string, string>;
} {
  const storage = defaultMetadataStorage as unknown as Storage;
  const properties = new Set<string>();
  const aliases = new Map<string, string>();
  let foreign = storage.getStrategy(cls) !== 'none';
  for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const [prop, meta] of storage._typeMetadatas.get(c) ?? []) {
      if (!meta.typeFunction || !OWN_TRANSFORMER_FUNCTIONS.has(meta.typeFunction)) {
        foreign = true;
        properties.add(prop);
      }
    }
    for (const [prop, metas] of storage._transformMetadatas.get(c) ?? []) {
      if (metas.some((m) => !OWN_TRANSFORMER_FUNCTIONS.has(m.transformFn))) {
        foreign = true;
        properties.add(prop);
      }
    }
    for (const [prop, meta] of storage._exposeMetadatas.get(c) ?? []) {
      if (OWN_EXPOSED.get(c)?.has(prop)) continue;
      foreign = true;
      properties.add(prop);
      if (meta.options?.name) aliases.set(meta.options.name, prop);
    }
    for (const [prop] of storage._excludeMetadatas.get(c) ?? []) {
      foreign = true;
      properties.add(prop);
    }
  }
  return { foreign, properties, aliases };
}
