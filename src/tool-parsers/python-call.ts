/**
 * Python-style calls, as gorilla and the Llama 3.2 / 4 "pythonic" format write
 * them: `name(key=value, …)`, keyword arguments only. A value is JSON, a Python
 * literal (`True`, `False`, `None`, single-quoted strings, lists, tuples,
 * dicts), or a bare word that runs to the next top-level comma or `)`, trimmed,
 * and kept as a string.
 */
import { CallSink, Parser, Status, isNameChar } from './grammar';
import { isJsonSpace } from './json-scanner';

const MAX_DEPTH = 256;

/** Parses a whole Python literal; `undefined` when the text is not one. */
export function parsePythonLiteral(text: string): unknown {
  let i = 0;
  const fail = { fail: true };
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const str = (): string | typeof fail => {
    const q = text[i++];
    let out = '';
    while (i < text.length) {
      const ch = text[i++];
      if (ch === q) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = text[i++];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', '\\': '\\', "'": "'", '"': '"', '/': '/' };
      if (e in simple) out += simple[e];
      else if (e === 'u' || e === 'x') {
        const n = e === 'u' ? 4 : 2;
        const hex = text.slice(i, i + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) return fail;
        out += String.fromCharCode(parseInt(hex, 16));
        i += n;
      } else if (e === '\n') continue;
      else out += '\\' + (e ?? '');
    }
    return fail;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) return fail;
    ws();
    const ch = text[i];
    if (ch === "'" || ch === '"') return str();
    if (ch === '[' || ch === '(') {
      const close = ch === '[' ? ']' : ')';
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === close) return i++, out;
      for (;;) {
        const v = value(depth + 1);
        if (v === fail) return fail;
        out.push(v);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === close) return i++, out;
          continue;
        }
        if (text[i] === close) return i++, out;
        return fail;
      }
    }
    if (ch === '{') {
      i++;
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') return i++, out;
      for (;;) {
        const k = value(depth + 1);
        if (k === fail || (typeof k !== 'string' && typeof k !== 'number')) return fail;
        ws();
        if (text[i++] !== ':') return fail;
        const v = value(depth + 1);
        if (v === fail) return fail;
        Object.defineProperty(out, String(k), { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') return i++, out;
          continue;
        }
        if (text[i] === '}') return i++, out;
        return fail;
      }
    }
    const m = /^(?:True|False|None|true|false|null|[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))/.exec(text.slice(i, i + 64));
    if (!m) return fail;
    i += m[0].length;
    const w = m[0];
    if (w === 'True' || w === 'true') return true;
    if (w === 'False' || w === 'false') return false;
    if (w === 'None' || w === 'null') return null;
    const n = Number(w);
    return Number.isFinite(n) ? n : fail;
  };
  const v = value(0);
  ws();
  return v === fail || i !== text.length ? undefined : v;
}

/** A bare word's value: a Python or JSON scalar literal when it is one, else the trimmed text. */
function bareValue(text: string): unknown {
  const t = text.trim();
  if (/^(?:True|False|None|true|false|null)$/.test(t) || /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t)) {
    const v = parsePythonLiteral(t);
    if (v !== undefined) return v;
  }
  return t;
}

const enum P {
  Name,
  BeforeParen,
  Key,
  InKey,
  AfterKey,
  ValueStart,
  Structured,
  Bare,
  AfterValue,
}

/** One `name(key=value, …)` call. Announced at its first `key=` when live; each argument streams once complete. */
export class PythonCall extends Parser {
  private state = P.Name;
  private name = '';
  private key = '';
  private value: string[] = [];
  private closers: number[] = [];
  private quote = 0;
  private escaped = false;
  private readonly entries: string[] = [];
  private readonly keys = new Set<string>();
  private announced = false;

  constructor(private readonly sink: CallSink) {
    super();
  }

  feed(s: string, i: number): number {
    while (i < s.length) {
      const c = s.charCodeAt(i);
      switch (this.state) {
        case P.Name:
          if (isNameChar(c) && c !== 45 && c > 0) {
            if (this.name === '' && c >= 48 && c <= 57) return this.fail(i);
            const start = i;
            while (i < s.length && isNameChar(s.charCodeAt(i)) && s.charCodeAt(i) !== 45) i++;
            this.name += s.slice(start, i);
            continue;
          }
          if (this.name === '') return this.fail(i);
          this.state = P.BeforeParen;
          continue;
        case P.BeforeParen:
          if (c === 32) break;
          if (c !== 40) return this.fail(i);
          this.state = P.Key;
          break;
        case P.Key:
          if (isJsonSpace(c)) break;
          if (c === 41) {
            if (this.entries.length && !this.trailingComma) return this.fail(i);
            return this.close(i + 1);
          }
          if (!isNameChar(c) || c === 45 || c === 46 || (c >= 48 && c <= 57)) return this.fail(i);
          this.key = '';
          this.state = P.InKey;
          continue;
        case P.InKey: {
          const start = i;
          while (i < s.length && isNameChar(s.charCodeAt(i)) && s.charCodeAt(i) !== 45 && s.charCodeAt(i) !== 46) i++;
          this.key += s.slice(start, i);
          if (i < s.length) this.state = P.AfterKey;
          continue;
        }
        case P.AfterKey:
          if (isJsonSpace(c)) break;
          if (c !== 61 || this.keys.has(this.key)) return this.fail(i);
          this.keys.add(this.key);
          if (this.sink.live && !this.announced) {
            // Known once the first keyword is: a positional argument can no longer come first.
            this.sink.begin(this.name);
            this.announced = true;
          }
          this.state = P.ValueStart;
          this.value = [];
          break;
        case P.ValueStart:
          if (isJsonSpace(c)) break;
          if (c === 44 || c === 41) return this.fail(i);
          this.state = c === 39 || c === 34 || c === 91 || c === 123 || c === 40 ? P.Structured : P.Bare;
          this.closers = [];
          this.quote = 0;
          this.escaped = false;
          continue;
        case P.Structured: {
          const start = i;
          for (; i < s.length; i++) {
            const d = s.charCodeAt(i);
            if (this.quote) {
              if (this.escaped) this.escaped = false;
              else if (d === 92) this.escaped = true;
              else if (d === this.quote) this.quote = 0;
              continue;
            }
            if (d === 39 || d === 34) this.quote = d;
            else if (d === 91) this.closers.push(93);
            else if (d === 123) this.closers.push(125);
            else if (d === 40) this.closers.push(41);
            else if (d === 93 || d === 125 || d === 41) {
              if (this.closers.length === 0) break;
              if (this.closers.pop() !== d) {
                this.value.push(s.slice(start, i));
                return this.fail(i);
              }
            } else if (d === 44 && this.closers.length === 0) break;
          }
          this.value.push(s.slice(start, i));
          if (i < s.length) {
            const v = parsePythonLiteral(this.value.join(''));
            if (v === undefined) return this.fail(i);
            this.addEntry(v);
          }
          continue;
        }
        case P.Bare: {
          const start = i;
          while (i < s.length && s.charCodeAt(i) !== 44 && s.charCodeAt(i) !== 41) i++;
          this.value.push(s.slice(start, i));
          if (i < s.length) this.addEntry(bareValue(this.value.join('')));
          continue;
        }
        case P.AfterValue:
          if (isJsonSpace(c)) break;
          if (c === 41) return this.close(i + 1);
          if (c !== 44) return this.fail(i);
          this.trailingComma = true;
          this.state = P.Key;
          break;
      }
      i++;
    }
    return i;
  }
  private trailingComma = false;

  end(): void {
    if (this.status === Status.Open) this.status = Status.Failed;
  }

  private addEntry(v: unknown): void {
    const entry = `${JSON.stringify(this.key)}: ${JSON.stringify(v)}`;
    if (this.announced) this.sink.args((this.entries.length ? ', ' : '{') + entry);
    this.entries.push(entry);
    this.trailingComma = false;
    this.state = P.AfterValue;
  }

  private close(stop: number): number {
    this.status = Status.Done;
    if (this.announced) {
      this.sink.args(this.entries.length ? '}' : '{}');
    } else {
      this.sink.begin(this.name);
      this.sink.args(`{${this.entries.join(', ')}}`);
    }
    this.sink.finish();
    return stop;
  }

  private fail(i: number): number {
    this.status = Status.Failed;
    return i;
  }
}

/** Whether `c` may start a Python call's name. */
export function startsPythonName(c: number): boolean {
  return isNameChar(c) && c !== 45 && c !== 46 && !(c >= 48 && c <= 57);
}
