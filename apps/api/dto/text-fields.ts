import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Unicode hygiene for text people type (names, labels, reasons, notes): one rule, used by
 * every DTO, so a name can never carry what would break a mail, a log line or a screen.
 *
 * - NFC: stored composed, so "é" typed two ways is one name.
 * - No control characters (C0, DEL, C1): no NUL, and no CR/LF in a single-line field, so
 *   a display name can never add lines (or headers) to a mail. Multi-line fields keep
 *   `\n`, `\r` and `\t` only.
 * - No bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C): they
 *   make text display in another order than it is stored ("Trojan Source").
 * - No lone surrogates (not well-formed UTF-16: no UTF-8 form exists for them).
 * - Not blank: something visible besides spaces and invisible format characters.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROLS_SINGLE_LINE = /[\p{Cc}\u2028\u2029]/u;
const CONTROLS_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/u;
const VISIBLE = /[^\s\p{Cf}]/u;
/** In a `u` regex a surrogate pair is one code point: \p{Cs} matches only unpaired halves. */
const LONE_SURROGATE = /\p{Cs}/u;
const isWellFormed = (text: string) => !LONE_SURROGATE.test(text);

/** Why `text` is not clean, or null. */
export function textProblem(text: string, multiline: boolean): string | null {
  if (!isWellFormed(text)) return 'must not contain unpaired surrogates';
  if ((multiline ? CONTROLS_MULTI_LINE : CONTROLS_SINGLE_LINE).test(text)) return multiline ? 'must not contain control characters' : 'must be one line without control characters';
  if (BIDI_CONTROLS.test(text)) return 'must not contain bidirectional control characters';
  if (!VISIBLE.test(text)) return 'must not be blank';
  return null;
}

/** NFC for well-formed strings; anything else is left for the validators to refuse. */
const toNfc = Transform(({ value }: { value: unknown }) => (typeof value === 'string' && isWellFormed(value) ? value.normalize('NFC') : value));

function CleanText(multiline: boolean, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    toNfc,
    ValidateBy(
      {
        name: multiline ? 'cleanMultiLineText' : 'cleanSingleLineText',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || textProblem(value, multiline) === null,
          defaultMessage: (args) => `${args?.property ?? 'value'} ${textProblem(String(args?.value), multiline) ?? 'is invalid'}`,
        },
      },
      options,
    ),
  );
}

/** A name or label: one line (see above). Combine with @IsString and @Length. */
export const SingleLineText = (options?: ValidationOptions) => CleanText(false, options);

/** A statement, reason or note: may span lines (see above). Combine with @IsString and @Length. */
export const MultiLineText = (options?: ValidationOptions) => CleanText(true, options);

/**
 * An email address as typed: trimmed and NFC before it is validated (contract §2: emails
 * compare after trimming and NFC), so "  Ann@Example.com " is ann@example.com.
 */
export const TrimmedEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && isWellFormed(value) ? value.trim().normalize('NFC') : value));
