import { compileTagger, type Tag, type Tagger, tagText } from "@tiegraph/core";
import { loadGazetteer, loadLexicon, traditionalOf } from "@tiegraph/lexicons";

let tagger: Tagger | undefined;

/** The tagger of documents: every lexicon entity and the gazetteer's places (compiled once). */
export function documentTagger(): Tagger {
  tagger ??= compileTagger({
    entries: loadLexicon().entries,
    places: loadGazetteer().places,
    traditional: traditionalOf,
  });
  return tagger;
}

/**
 * The entities (companies, state bodies), places and dates a document's text mentions, with their spans.
 * @example documentTags("2019年5月，华为在乌鲁木齐").map((t) => t.kind) // ["date", "entity", "place"]
 */
export function documentTags(text: string): Tag[] {
  return tagText(text, documentTagger());
}
