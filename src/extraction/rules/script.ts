/**
 * Some public mirrors publish documents in traditional characters (部門, 負責, 會議). The rules' words are
 * written in simplified ones, so a text is read in simplified characters; OpenCC's table maps them one
 * to one, so every offset stays where it was, and what a proposal quotes is taken from the text as given.
 */
import { Converter } from 'opencc-js';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** The text in simplified characters, or as it is when a conversion would move an offset. */
export function simplified(text: string): string {
  const converted = toSimplified(text);
  return converted.length === text.length ? converted : text;
}
