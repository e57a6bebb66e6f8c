/**
 * Both routes on one body, for unit tests: `Model.safeParse` (the fast route)
 * and the decorator route NestJS runs (`plainToInstance` + `validateSync(…,
 * { forbidUnknownValues: false })` + `issuesFromValidationErrors`).
 * `accept` and `reject` assert that the two routes agree.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { issuesFromValidationErrors } from '../../src';
import type { Issue, ModelStatic, OpenAIBaseModel, SafeParseResult } from '../../src';

/** What the tests compare of an issue: its location, type and message (not the echoed input). */
export type Seen = Pick<Issue, 'loc' | 'type' | 'msg'>;

/** The `Seen` part of each issue, in the same order. */
export const seen = (issues: readonly Issue[]): Seen[] => issues.map(({ loc, type, msg }) => ({ loc, type, msg }));

/** A copy of `issues` in a fixed order (by their JSON), so two routes' lists compare regardless of order. */
export const sorted = (issues: Seen[]): Seen[] => [...issues].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** What both routes did with one body. */
export interface RouteResults<T extends OpenAIBaseModel> {
  /** The fast route's result. */
  parsed: SafeParseResult<T>;
  /** The decorator route's instance (validated or not). */
  inst: T;
  /** The decorator route's issues; empty when it accepts. */
  issues: Issue[];
}

/** Runs `body` through both routes, asserting nothing. */
export function routes<T extends OpenAIBaseModel>(cls: ModelStatic<T>, body: unknown): RouteResults<T> {
  const parsed = cls.safeParse(body);
  const inst = plainToInstance(cls, body as object) as T;
  const issues = issuesFromValidationErrors(validateSync(inst, { forbidUnknownValues: false }));
  return { parsed, inst, issues };
}

/** Asserts both routes accept `body` and dump it alike; returns [parsed, decorated]. */
export function accept<T extends OpenAIBaseModel>(cls: ModelStatic<T>, body: unknown): [T, T] {
  const { parsed, inst, issues } = routes(cls, body);
  if (!parsed.success) throw parsed.error;
  expect(seen(issues)).toEqual([]);
  expect(inst).toBeInstanceOf(cls);
  expect(JSON.stringify(inst)).toBe(JSON.stringify(parsed.data));
  return [parsed.data, inst];
}

/** Asserts both routes reject `body` with the same issues (loc, type, msg); returns parse's. */
export function reject<T extends OpenAIBaseModel>(cls: ModelStatic<T>, body: unknown): Seen[] {
  const { parsed, issues } = routes(cls, body);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(parsed.data)}`);
  const fast = seen(parsed.error.issues);
  expect(sorted(seen(issues))).toEqual(sorted(fast));
  return fast;
}
