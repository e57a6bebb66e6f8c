/**
 * Small resumable parsers the formats are assembled from. Each is fed the
 * text as it arrives (`feed(s, i)` consumes from `s[i]` and returns where it
 * stopped) and never looks back at text it has consumed, so the cost of a
 * piece follows the piece, not the reply so far.
 */
import { isJsonSpace } from './json-scanner';

/** A parser's state. */
export const enum Status {
  /** It needs more text. */
  Open = 0,
  /** It matched; `feed` returned the index just after its last code unit. */
  Done = 1,
  /** It cannot match; `feed` returned the index of the code unit that broke it. */
  Failed = 2,
}

/**
 * Where calls go. A format's parser announces a call once it is known
 * (`begin`), streams its arguments (`args`) and closes it (`finish`).
 * `live` says whether the caller streams (announce as early as possible) or
 * waits for whole calls.
 */
export interface CallSink {
  /** Whether arguments should be announced and streamed as soon as they are known. */
  readonly live: boolean;
  /** A call to `name` starts. */
  begin(name: string): void;
  /** The next fragment of the open call's JSON arguments. */
  args(fragment: string): void;
  /** The open call is complete. */
  finish(): void;
}

/** A resumable parser. */
export abstract class Parser {
  /** Open until it matches or fails. */
  status: Status = Status.Open;
  /** Consumes from `s[i]`; returns the index it stopped at (`s.length` while open). */
  abstract feed(s: string, i: number): number;
  /** The text ended: the parser matches or fails now. */
  abstract end(): void;
}

/** Optional whitespace; done at the first other code unit (not consumed) or at the end. */
export class Ws extends Parser {
  feed(s: string, i: number): number {
    while (i < s.length && isJsonSpace(s.charCodeAt(i))) i++;
    if (i < s.length) this.status = Status.Done;
    return i;
  }
  end(): void {
    this.status = Status.Done;
  }
}

/** Exactly `text`. */
export class Lit extends Parser {
  private at = 0;
  constructor(private readonly text: string) {
    super();
  }
  feed(s: string, i: number): number {
    const t = this.text;
    while (i < s.length) {
      if (s.charCodeAt(i) !== t.charCodeAt(this.at)) {
        this.status = Status.Failed;
        return i;
      }
      i++;
      if (++this.at === t.length) {
        this.status = Status.Done;
        return i;
      }
    }
    return i;
  }
  end(): void {
    this.status = Status.Failed;
  }
}

/** `text` if the next code unit starts it, else nothing (done without consuming). */
export class OptLit extends Parser {
  private inner: Lit | undefined;
  constructor(private readonly text: string) {
    super();
  }
  feed(s: string, i: number): number {
    if (i >= s.length) return i;
    if (!this.inner) {
      if (s.charCodeAt(i) !== this.text.charCodeAt(0)) {
        this.status = Status.Done;
        return i;
      }
      this.inner = new Lit(this.text);
    }
    const j = this.inner.feed(s, i);
    this.status = this.inner.status;
    return j;
  }
  end(): void {
    if (!this.inner) {
      this.status = Status.Done;
      return;
    }
    this.inner.end();
    this.status = this.inner.status;
  }
}

/** Nothing more: fails on any code unit, matches at the end. */
export class End extends Parser {
  feed(s: string, i: number): number {
    if (i < s.length) this.status = Status.Failed;
    return i;
  }
  end(): void {
    this.status = Status.Done;
  }
}

/** Parsers one after the other; each is made when the previous one is done. */
export class Seq extends Parser {
  private at = 0;
  private current: Parser;
  constructor(private readonly steps: ReadonlyArray<() => Parser>) {
    super();
    this.current = steps[0]();
  }
  feed(s: string, i: number): number {
    for (;;) {
      i = this.current.feed(s, i);
      if (this.current.status === Status.Open) return i;
      if (this.current.status === Status.Failed) {
        this.status = Status.Failed;
        return i;
      }
      if (!this.next()) return i;
      if (i >= s.length) return i;
    }
  }
  end(): void {
    for (;;) {
      this.current.end();
      if (this.current.status === Status.Failed) {
        this.status = Status.Failed;
        return;
      }
      if (!this.next()) return;
    }
  }
  private next(): boolean {
    if (++this.at === this.steps.length) {
      this.status = Status.Done;
      return false;
    }
    this.current = this.steps[this.at]();
    return true;
  }
}

/** Picks a parser by the first code unit (which it then feeds); fails when `pick` gives none. */
export class Pick extends Parser {
  private inner: Parser | undefined;
  constructor(private readonly pick: (c: number) => Parser | undefined) {
    super();
  }
  feed(s: string, i: number): number {
    if (i >= s.length) return i;
    if (!this.inner) {
      this.inner = this.pick(s.charCodeAt(i));
      if (!this.inner) {
        this.status = Status.Failed;
        return i;
      }
    }
    const j = this.inner.feed(s, i);
    this.status = this.inner.status;
    return j;
  }
  end(): void {
    if (!this.inner) {
      this.status = Status.Failed;
      return;
    }
    this.inner.end();
    this.status = this.inner.status;
  }
}

/**
 * One or more items. After an item and optional whitespace: a code unit in
 * `seps` is consumed and another item must follow (made by `item`); one for
 * which `startsItem` holds begins the next item directly; anything else ends
 * the list (not consumed). `trailing` allows a separator before the end.
 */
export class Rep extends Parser {
  private current: Parser;
  private phase: 0 | 1 | 2 = 0; // 0: in item, 1: after item, 2: after separator
  private ws = new Ws();
  constructor(
    private readonly item: () => Parser,
    private readonly seps: string,
    private readonly startsItem: (c: number) => boolean = () => false,
    private readonly trailing = false,
  ) {
    super();
    this.current = item();
  }
  feed(s: string, i: number): number {
    while (i < s.length) {
      if (this.phase === 0) {
        i = this.current.feed(s, i);
        if (this.current.status === Status.Open) return i;
        if (this.current.status === Status.Failed) {
          this.status = Status.Failed;
          return i;
        }
        this.phase = 1;
        this.ws = new Ws();
        continue;
      }
      i = this.ws.feed(s, i);
      if (i >= s.length) return i;
      const c = s.charCodeAt(i);
      if (this.phase === 1 && this.seps.includes(s[i])) {
        this.phase = 2;
        this.ws = new Ws();
        i++;
        continue;
      }
      if (this.phase === 2 && this.trailing && !this.startsItem(c) && !this.canStart(c)) {
        this.status = Status.Done;
        return i;
      }
      if (this.phase === 2 || this.startsItem(c)) {
        this.phase = 0;
        this.current = this.item();
        continue;
      }
      this.status = Status.Done;
      return i;
    }
    return i;
  }
  end(): void {
    if (this.phase === 0) {
      this.current.end();
      this.status = this.current.status;
    } else this.status = this.phase === 2 && !this.trailing ? Status.Failed : Status.Done;
  }
  private canStart(c: number): boolean {
    // an item after a separator starts with anything that is not a closer
    return c !== 93 && c !== 41 && c !== 62 && c !== 125;
  }
}

/** A code unit allowed in a function name: letters, digits, `_`, `-`, `.`, and any non-ASCII code unit but `✿`. */
export function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || (c > 127 && c !== 0x273f)
  );
}

/**
 * A function name between optional spaces, ended by `stop` (consumed). Any
 * other code unit fails it; so does an empty name. `onName` receives it.
 */
export class NameUntil extends Parser {
  private name = '';
  private phase: 0 | 1 | 2 = 0; // 0 before, 1 in name, 2 after
  private stop: Lit | undefined;
  constructor(
    private readonly stopText: string,
    private readonly onName: (name: string) => void,
  ) {
    super();
  }
  feed(s: string, i: number): number {
    while (i < s.length) {
      if (this.stop) {
        i = this.stop.feed(s, i);
        if (this.stop.status === Status.Open) return i;
        this.status = this.stop.status;
        if (this.status === Status.Done) {
          if (!this.name) this.status = Status.Failed;
          else this.onName(this.name);
        }
        return i;
      }
      const c = s.charCodeAt(i);
      if (c === this.stopText.charCodeAt(0)) {
        this.stop = new Lit(this.stopText);
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        if (this.phase === 1) this.phase = 2;
        i++;
        continue;
      }
      if (this.phase === 2 || !isNameChar(c)) {
        this.status = Status.Failed;
        return i;
      }
      this.phase = 1;
      const start = i;
      while (i < s.length && isNameChar(s.charCodeAt(i)) && s.charCodeAt(i) !== this.stopText.charCodeAt(0)) i++;
      this.name += s.slice(start, i);
    }
    return i;
  }
  end(): void {
    this.status = Status.Failed;
  }
}
