/** A `ClassSerializerInterceptor` that serialises protocol models with their own `toJSON`. */
import { ClassSerializerInterceptor, Injectable } from '@nestjs/common';
import type { ClassSerializerContextOptions, PlainLiteralObject } from '@nestjs/common';
import { OpenAIBaseModel } from '../model';

/**
 * NestJS's `ClassSerializerInterceptor` runs class-transformer's
 * `instanceToPlain` on what a handler returns. On a protocol model whose data
 * holds a `constructor` key (a tool schema with a `constructor` property, a
 * `top_logprobs` entry for the token "constructor") that throws a TypeError
 * (a 500), and it drops `constructor` and `__proto__` inside data. This
 * interceptor gives models, at any depth of a returned plain object or array,
 * their `toJSON()` dump (the wire form, every key inside data kept) and leaves
 * every other value to NestJS's interceptor, `@Exclude`/`@Expose` and groups included.
 *
 * @example
 * app.useGlobalInterceptors(new OpenAIClassSerializerInterceptor(app.get(Reflector)));
 */
@Injectable()
export class OpenAIClassSerializerInterceptor extends ClassSerializerInterceptor {
  /** Models become their `toJSON()` dump; anything else goes to `ClassSerializerInterceptor`. */
  override transformToPlain(plainOrClass: unknown, options: ClassSerializerContextOptions): PlainLiteralObject {
    if (plainOrClass instanceof OpenAIBaseModel) return plainOrClass.toJSON();
    if (plainOrClass !== null && typeof plainOrClass === 'object' && holdsModel(plainOrClass, 0)) {
      return this.mapAround(plainOrClass, options) as PlainLiteralObject;
    }
    return super.transformToPlain(plainOrClass, options) as PlainLiteralObject;
  }

  /** A plain copy of a plain object or array that holds models, each model dumped, other class instances serialised by NestJS. */
  private mapAround(value: unknown, options: ClassSerializerContextOptions): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof OpenAIBaseModel) return value.toJSON();
    if (Array.isArray(value)) return value.map((v) => this.mapAround(v, options));
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return super.transformToPlain(value, options);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = this.mapAround((value as Record<string, unknown>)[k], options);
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      else out[k] = v;
    }
    return out;
  }
}

/** Whether a plain object or array holds a model somewhere (plain containers only are searched). */
function holdsModel(value: object, depth: number): boolean {
  if (depth > 64) return false;
  if (value instanceof OpenAIBaseModel) return true;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  for (const v of Object.values(value)) if (v !== null && typeof v === 'object' && holdsModel(v as object, depth + 1)) return true;
  return false;
}
