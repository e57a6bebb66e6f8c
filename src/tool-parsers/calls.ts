/**
 * The JSON calls every JSON format shares: `{"name": …, "arguments" | "parameters": …}`,
 * `{"function": {…}}`, and lists of them, plus a bare arguments value.
 */
import { CallSink, Parser, Status } from './grammar';
import { JsonScanner, Step, isJsonObject, isJsonSpace, tryParseJson } from './json-scanner';

/**
 * The arguments rule: an object becomes its JSON; a string that holds a JSON
 * object is kept as is; anything else (array, null, number, other string)
 * means there is no call (`undefined`). Absent arguments are `{}`.
 */
export function argumentsJson(value: unknown, present: boolean): string | undefined {
  if (!present) return '{}';
  if (isJsonObject(value)) {
    try {
      return JSON.stringify(value);
    } catch {
      return undefined; // nested deeper than the engine can write
    }
  }
  if (typeof value === 'string' && isJsonObject(tryParseJson(value))) return value;
  return undefined;
}

/** A call from a parsed JSON value: `{name, arguments|parameters}` or `{function: {…}}`; undefined when it is none. */
export function callFromJson(value: unknown): { name: string; args: string } | undefined {
  if (!isJsonObject(value)) return undefined;
  const own = (k: string): boolean => Object.prototype.hasOwnProperty.call(value, k);
  if (!own('name') && own('function') && isJsonObject(value.function)) {
    const inner = callFromJson(value.function);
    return inner;
  }
  if (typeof value.name !== 'string' || value.name === '') return undefined;
  if (own('arguments') && own('parameters')) return undefined;
  const key = own('arguments') ? 'arguments' : 'parameters';
  const args = argumentsJson(value[key], own(key));
  return args === undefined ? undefined : { name: value.name, args };
}

const enum O {
  Start,
  KeyOrEnd,
  Key,
  InKey,
  Colon,
  ValueStart,
  Value,
  After,
}

const ARG_KEYS = new Set(['arguments', 'parameters']);

/**
 * One call object. When the sink is live, the call is announced as soon as its
 * name is known and its arguments object opens, and the arguments stream as
 * written; otherwise the call is emitted whole when the object closes.
 */
export class CallObject extends Parser {
  private state = O.Start;
  private scanner = new JsonScanner();
  private key = '';
  private raw: string[] = [];
  private keys = new Set<string>();
  private name: string | undefined;
  private argsRaw: string[] | undefined;
  private streaming = false;
  private announced = false;
  private broken = false;

  constructor(private readonly sink: CallSink) {
    super();
  }

  feed(s: string, i: number): number {
    while (i < s.length) {
      const c = s.charCodeAt(i);
      switch (this.state) {
        case O.Start:
          if (isJsonSpace(c)) break;
          if (c !== 123) return this.fail(i);
          this.state = O.KeyOrEnd;
          break;
        case O.KeyOrEnd:
        case O.Key:
          if (isJsonSpace(c)) break;
          if (c === 125 && this.state === O.KeyOrEnd) return this.close(i + 1);
          if (c !== 34) return this.fail(i);
          this.state = O.InKey;
          this.scanner = new JsonScanner();
          this.raw = [];
          continue;
        case O.InKey:
          i = this.scanKey(s, i);
          if (this.status !== Status.Open) return i;
          continue;
        case O.Colon:
          if (isJsonSpace(c)) break;
          if (c !== 58) return this.fail(i);
          this.state = O.ValueStart;
          break;
        case O.ValueStart:
          if (isJsonSpace(c)) break;
          this.startValue(c);
          this.state = O.Value;
          this.scanner = new JsonScanner();
          continue;
        case O.Value:
          i = this.scanValue(s, i);
          if (this.status !== Status.Open) return i;
          continue;
        case O.After:
          if (isJsonSpace(c)) break;
          if (c === 44) {
            this.state = O.Key;
            break;
          }
          if (c === 125) return this.close(i + 1);
          return this.fail(i);
      }
      i++;
    }
    return i;
  }

  end(): void {
    if (this.status === Status.Open) this.status = Status.Failed;
  }

  /** Scans (part of) a key string; returns where it stopped. */
  private scanKey(s: string, i: number): number {
    const start = i;
    const sc = this.scanner;
    for (; i < s.length; i++) {
      const r = sc.push(s.charCodeAt(i));
      if (r === Step.Done) {
        this.raw.push(s.slice(start, i + 1));
        const key = JSON.parse(this.raw.join('')) as string;
        if (this.keys.has(key) && (key === 'name' || ARG_KEYS.has(key) || key === 'function')) this.broken = true;
        if (ARG_KEYS.has(key) && (this.keys.has('arguments') || this.keys.has('parameters'))) this.broken = true;
        this.keys.add(key);
        this.key = key;
        this.state = O.Colon;
        return i + 1;
      }
      if (r === Step.Error) return this.fail(i);
    }
    this.raw.push(s.slice(start));
    return i;
  }

  private startValue(c: number): void {
    this.raw = [];
    if (ARG_KEYS.has(this.key)) {
      this.argsRaw = this.raw;
      if (c === 123 && this.sink.live && this.name !== undefined && !this.broken && !this.keys.has('function')) {
        this.sink.begin(this.name);
        this.announced = true;
        this.streaming = true;
      }
    }
  }

  /** Scans (part of) a value; returns where it stopped. */
  private scanValue(s: string, i: number): number {
    const start = i;
    const sc = this.scanner;
    const keep = this.key === 'name' || this.key === 'function' || (ARG_KEYS.has(this.key) && !this.streaming);
    for (; i < s.length; i++) {
      const r = sc.push(s.charCodeAt(i));
      if (r === Step.More) continue;
      if (r === Step.Error) {
        this.flushArgs(s, start, i);
        return this.fail(i);
      }
      const stop = r === Step.Done ? i + 1 : i;
      if (keep) this.raw.push(s.slice(start, stop));
      this.flushArgs(s, start, stop);
      this.state = O.After;
      this.valueDone();
      return stop;
    }
    if (keep) this.raw.push(s.slice(start));
    this.flushArgs(s, start, i);
    return i;
  }

  private flushArgs(s: string, start: number, stop: number): void {
    if (this.streaming && stop > start) this.sink.args(s.slice(start, stop));
  }

  private valueDone(): void {
    if (this.key === 'name') {
      const v = tryParseJson(this.raw.join(''));
      if (typeof v === 'string' && v !== '') this.name = v;
      else this.broken = true;
    } else if (this.key === 'function') {
      this.fnRaw = this.raw.join('');
    }
    if (this.streaming) {
      this.streaming = false;
      this.sink.finish();
    }
  }
  private fnRaw: string | undefined;

  private close(stop: number): number {
    this.state = O.After;
    if (this.announced) {
      if (this.broken) return this.fail(stop - 1);
      this.status = Status.Done;
      return stop;
    }
    let call: { name: string; args: string } | undefined;
    if (this.broken) call = undefined;
    else if (this.name === undefined && this.fnRaw !== undefined) call = callFromJson({ function: tryParseJson(this.fnRaw) });
    else if (this.name !== undefined) {
      const present = this.argsRaw !== undefined;
      const args = argumentsJson(present ? tryParseJson(this.argsRaw!.join('')) : undefined, present);
      call = args === undefined ? undefined : { name: this.name, args };
    }
    if (!call) return this.fail(stop - 1);
    this.sink.begin(call.name);
    this.sink.args(call.args);
    this.sink.finish();
    this.status = Status.Done;
    return stop;
  }

  private fail(i: number): number {
    this.status = Status.Failed;
    return i;
  }
}

/** A call object, or a non-empty JSON array of them. */
export function callsValue(sink: CallSink): Parser {
  return new CallsValue(sink);
}

class CallsValue extends Parser {
  private inner: Parser | undefined;
  private phase: 0 | 1 | 2 | 3 = 0; // 0 start, 1 in array before item, 2 in item, 3 after item
  private count = 0;
  constructor(private readonly sink: CallSink) {
    super();
  }
  feed(s: string, i: number): number {
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (this.phase === 0) {
        if (isJsonSpace(c)) {
          i++;
          continue;
        }
        if (c === 123) {
          const obj = new CallObject(this.sink);
          const j = obj.feed(s, i);
          this.inner = obj;
          this.phase = 2;
          this.single = true;
          return this.afterItem(s, j);
        }
        if (c !== 91) return this.fail(i);
        this.phase = 1;
        i++;
        continue;
      }
      if (this.phase === 2) return this.afterItem(s, this.inner!.feed(s, i));
      if (isJsonSpace(c)) {
        i++;
        continue;
      }
      if (this.phase === 1) {
        if (c !== 123) return this.fail(i);
        this.inner = new CallObject(this.sink);
        this.phase = 2;
        continue;
      }
      // phase 3
      if (c === 44) {
        this.phase = 1;
        i++;
        continue;
      }
      if (c === 93) {
        this.status = Status.Done;
        return i + 1;
      }
      return this.fail(i);
    }
    return i;
  }
  private single = false;
  private afterItem(s: string, j: number): number {
    const st = this.inner!.status;
    if (st === Status.Open) return j;
    if (st === Status.Failed) return this.fail(j);
    this.count++;
    if (this.single) {
      this.status = Status.Done;
      return j;
    }
    this.phase = 3;
    return this.feed(s, j);
  }
  end(): void {
    if (this.status === Status.Open) this.status = Status.Failed;
  }
  private fail(i: number): number {
    this.status = Status.Failed;
    return i;
  }
}

/**
 * A bare arguments value for a call whose name came before it (qwen's
 * `✿ARGS✿`, mistral's `[ARGS]`): a JSON object, streamed as written when live,
 * or (unless `objectOnly`) a string holding a JSON object.
 */
export class ArgsValue extends Parser {
  private scanner = new JsonScanner();
  private raw: string[] = [];
  private started = false;
  private streaming = false;
  constructor(
    private readonly sink: CallSink,
    private readonly name: () => string,
    private readonly objectOnly: boolean,
  ) {
    super();
  }
  feed(s: string, i: number): number {
    if (!this.started) {
      while (i < s.length && isJsonSpace(s.charCodeAt(i))) i++;
      if (i >= s.length) return i;
      const c = s.charCodeAt(i);
      if (c !== 123 && (this.objectOnly || c !== 34)) {
        this.status = Status.Failed;
        return i;
      }
      this.started = true;
      if (c === 123 && this.sink.live) {
        this.sink.begin(this.name());
        this.streaming = true;
      }
    }
    const start = i;
    for (; i < s.length; i++) {
      const r = this.scanner.push(s.charCodeAt(i));
      if (r === Step.More) continue;
      if (r === Step.Error) {
        if (this.streaming && i > start) this.sink.args(s.slice(start, i));
        this.status = Status.Failed;
        return i;
      }
      const piece = s.slice(start, i + 1);
      this.status = Status.Done;
      if (this.streaming) {
        this.sink.args(piece);
        this.sink.finish();
        return i + 1;
      }
      this.raw.push(piece);
      const args = argumentsJson(tryParseJson(this.raw.join('')), true);
      if (args === undefined) {
        this.status = Status.Failed;
        return i;
      }
      this.sink.begin(this.name());
      this.sink.args(args);
      this.sink.finish();
      return i + 1;
    }
    if (this.streaming) {
      if (i > start) this.sink.args(s.slice(start));
    } else this.raw.push(s.slice(start));
    return i;
  }
  end(): void {
    if (this.status === Status.Open) this.status = Status.Failed;
  }
}
