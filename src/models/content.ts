/**
 * Content parts: the pieces of a multi-part message content, chosen by their
 * `type` (C13). A part of a type the library does not know is a `ContentPart`
 * that keeps every key as given (C4).
 */
import { LiteralField, ModelField, StrField, choiceOf } from '../fields';
import { ModelInit, OpenAIBaseModel, initModel } from '../model';

/**
 * One part of a multi-part message content: `{"type": "text", "text": …}`,
 * `{"type": "image_url", "image_url": {…}}`, `{"type": "input_audio", …}`.
 * Parsed as this class itself, only `type` is checked and every other key is
 * kept as given (C4); in a message's `content`, a known `type` picks its subclass.
 */
export class ContentPart extends OpenAIBaseModel {
  /** The part's kind, such as `text`, `image_url` or `input_audio`. */
  @StrField() type!: string;
  /** Other keys (`text`, `image_url`, …) are kept as extras. */
  [key: string]: unknown;

  /** Builds a part from its fields; does not validate. */
  constructor(init?: ModelInit<ContentPart>) {
    super();
    initModel(this, init);
  }
}

/** A text part: `{"type": "text", "text": "…"}`. */
export class TextPart extends ContentPart {
  /** Always `"text"`. */
  @LiteralField(['text']) override type!: 'text';
  /** The text. */
  @StrField() text!: string;
}

/** The image of an `ImagePart`: a URL or a `data:` URL. */
export class ImageURL extends OpenAIBaseModel {
  /** The image's URL, or base64 data as a `data:image/…;base64,…` URL. */
  @StrField() url!: string;
  /** How closely the model looks: `auto`, `low` or `high`. */
  @StrField({ optional: true, nullable: true }) detail?: string | null;

  /** Builds an image reference from its fields; does not validate. */
  constructor(init?: ModelInit<ImageURL>) {
    super();
    initModel(this, init);
  }
}

/** An image part: `{"type": "image_url", "image_url": {"url": …}}`. */
export class ImagePart extends ContentPart {
  /** Always `"image_url"`. */
  @LiteralField(['image_url']) override type!: 'image_url';
  /** The image. */
  @ModelField(() => ImageURL) image_url!: ImageURL;
}

/** The audio of an `AudioPart`: base64 data and its format. */
export class InputAudio extends OpenAIBaseModel {
  /** The audio, base64-encoded. */
  @StrField() data!: string;
  /** The encoding, such as `wav` or `mp3`. */
  @StrField() format!: string;

  /** Builds input audio from its fields; does not validate. */
  constructor(init?: ModelInit<InputAudio>) {
    super();
    initModel(this, init);
  }
}

/** An audio part: `{"type": "input_audio", "input_audio": {"data": …, "format": …}}`. */
export class AudioPart extends ContentPart {
  /** Always `"input_audio"`. */
  @LiteralField(['input_audio']) override type!: 'input_audio';
  /** The audio. */
  @ModelField(() => InputAudio) input_audio!: InputAudio;
}

/** The file of a `FilePart`: inline data or an uploaded file's id. */
export class FileRef extends OpenAIBaseModel {
  /** The file's content, base64-encoded. */
  @StrField({ optional: true, nullable: true }) file_data?: string | null;
  /** The id of an uploaded file. */
  @StrField({ optional: true, nullable: true }) file_id?: string | null;
  /** The file's name. */
  @StrField({ optional: true, nullable: true }) filename?: string | null;

  /** Builds a file reference from its fields; does not validate. */
  constructor(init?: ModelInit<FileRef>) {
    super();
    initModel(this, init);
  }
}

/** A file part: `{"type": "file", "file": {"file_id": …}}`. */
export class FilePart extends ContentPart {
  /** Always `"file"`. */
  @LiteralField(['file']) override type!: 'file';
  /** The file. */
  @ModelField(() => FileRef) file!: FileRef;
}

/** A refusal part of an assistant message: `{"type": "refusal", "refusal": "…"}`. */
export class RefusalPart extends ContentPart {
  /** Always `"refusal"`. */
  @LiteralField(['refusal']) override type!: 'refusal';
  /** The model's refusal message. */
  @StrField() refusal!: string;
}

/** A content part of any kind: the typed parts, or `ContentPart` for other types. */
export type Part = TextPart | ImagePart | AudioPart | FilePart | RefusalPart | ContentPart;

/** The choice by `type` of a content part (C13). */
export const partType = choiceOf(() => ContentPart, {
  text: () => TextPart,
  image_url: () => ImagePart,
  input_audio: () => AudioPart,
  file: () => FilePart,
  refusal: () => RefusalPart,
});
