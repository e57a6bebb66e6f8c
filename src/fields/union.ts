import { INVALID, acceptedKinds, acceptsKinds, kindOf } from './context';
import { Field, FieldOptions, FieldType } from './field';

/**
 * `A | B | …`: the first member that accepts the value wins. Errors stop at the
 * union: a bad item in `stop: ["a", 1]` is reported at `["stop"]`.
 */
export function unionOf(...members: FieldType[]): FieldType {
  const expected = [...new Set(members.map((m) => m.expected.replace(/^a valid /, 'a ')))].join(' or ');
  const models = members.filter((m) => m.model);
  if (models.length > 1) throw new TypeError('unionOf: at most one member may hold models');
  // The kinds of value each member can take at all (see `acceptsKinds`).
  const kinds = members.map(acceptedKinds);
  return acceptsKinds<FieldType>({
    expected,
    errorType: 'union_type',
    coerces: members.some((m) => m.coerces),
    model: models[0]?.model,
    pick: models[0]?.pick,
    parse(value, ctx, up, key) {
      // Try each member in turn; a member's issues are taken back when it fails,
      // since the union reports one issue of its own at its location.
      // A member sure to reject the value's kind is skipped: running it would
      // only record an issue to be taken back.
      const mark = ctx.issues.length;
      const kind = kindOf(value);
      for (let i = 0; i < members.length; i++) {
        if ((kinds[i] & kind) === 0) continue;
        const m = members[i];
        const r = m.parse(value, ctx, up, key);
        if (r !== INVALID && ctx.issues.length === mark) return r;
        ctx.issues.length = mark;
      }
      return ctx.fail(up, key, 'union_type', `Input should be ${expected}`, value);
    },
    coerce(value) {
      for (const m of members) {
        const c = m.coerce(value);
        if (m.check(c, true)) return c;
      }
      return value;
    },
    check: (value) => members.some((m) => m.check(value, true)),
    toJsonSchema: (ref) => ({ anyOf: members.map((m) => m.toJsonSchema(ref)) }),
  }, kinds.reduce((a, b) => a | b, 0));
}

/** A union field, e.g. `@UnionField([strType, listOf(strType)])` for `stop: str | List[str]`. */
export function UnionField(members: FieldType[], options?: FieldOptions): PropertyDecorator {
  return Field(unionOf(...members), options);
}
