export {
  fts5Phrase,
  indexTokens,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  normalizeText,
  phraseOf,
  queryTerms,
  runsPattern,
  runsText,
  tsqueryTokens,
  type Phrase,
} from './tokens';
export { excerpt, highlight, matchRanges } from './snippet';
export { blocksText } from './plain-text';
