// Plain data shared by every part of the engine. Positions are UTF-16 offsets into the
// document text; lines and columns are computed once, at the edges (CLI, language server).

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const STAR_KINDS = ['situation', 'task', 'action', 'result'] as const;
export type StarKind = (typeof STAR_KINDS)[number];
export type LayerKind = 'summary' | 'deep-dive' | 'follow-ups' | 'notes';
/** `answer`: the prose of an answer told without STAR labels (SPEC §2.7), read as one whole. */
export type SectionKind = StarKind | LayerKind | 'answer';

/** A half-open range of offsets [start, end) into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A stretch of prose copied out of the Markdown, with a map back to the source. */
export interface Piece {
  text: string;
  start: number;
  end: number;
  /** True when `text` equals the source slice, so offsets inside it map one to one. */
  exact: boolean;
}

export interface Section {
  kind: SectionKind;
  /** The section name as written, e.g. "Background". */
  name: string;
  style: 'heading' | 'label';
  /** The heading text or the label: the span a section-level finding points at. */
  marker: Span;
  /** From the marker to the end of the section's content. */
  span: Span;
  prose: import('../syntax/prose').Prose;
  words: number;
  /** Top-level list items in this section, for the Follow-ups section. */
  items: import('../syntax/prose').Prose[];
  /** A combined section ("Situation/Task", "Action & Result"): the STAR kinds it counts for. */
  kinds?: StarKind[];
  /** A lesson section ("Reflection", "Lessons learned"), read as part of the Result. */
  lesson?: boolean;
  /** For a Result joined with its lessons: the sections it is made of. */
  parts?: Section[];
  /** Nothing but template placeholders ("[Describe the context]"): a draft, not yet prose to judge. */
  draft?: boolean;
}

export interface MetaKey {
  key: Span;
  value: Span;
}

export interface StoryMeta {
  title?: string;
  category?: string;
  questions?: string[];
  /** Each question id with its own span, when the YAML gives one. */
  questionSpans?: Span[];
  date?: string;
  practiced?: string[];
  star?: boolean;
  company?: string;
  /** Where the metadata came from and where each key sits. */
  source: 'front-matter' | 'comment' | 'none';
  keys: Record<string, MetaKey>;
  /** The whole metadata block. */
  span?: Span;
  raw: Record<string, unknown>;
}

export interface Story {
  index: number;
  title: string;
  /** The title heading, when the story has one. */
  titleSpan?: Span;
  span: Span;
  meta: StoryMeta;
  sections: Section[];
  /** The first section of each STAR kind. */
  star: Partial<Record<StarKind, Section>>;
  layers: Partial<Record<LayerKind, Section>>;
  /** Words of the four STAR sections' prose (of the whole answer, for one told without labels). */
  starWords: number;
  /** Words per STAR kind: a combined section's words are split between its kinds. */
  kindWords: Record<StarKind, number>;
  /** The text of the story, used as a cache key for per-story results. */
  key: string;
  /** Where the next title heading (of this story's depth or above) starts: the story's region ends there. */
  reach?: number;
}

export interface HtmlComment {
  /** The text between `<!--` and `-->`. */
  body: string;
  span: Span;
}

export interface ParseProblem {
  message: string;
  span: Span;
  /** Engine-level findings use the pseudo-rule ids below. */
  rule: 'front-matter' | 'inline-config';
  fix?: FixOffer;
}

export interface ParsedDocument {
  text: string;
  isStory: boolean;
  stories: Story[];
  frontMatter?: StoryMeta;
  comments: HtmlComment[];
  problems: ParseProblem[];
  /** Set when the document was too large to analyse fully. */
  limited?: string;
  /** The depth of story title headings, when stories have titles. */
  titleDepth?: number;
  /** Where each chunk the parser read on its own starts. */
  chunks?: number[];
}

/** A replacement of the text's [start, end) by `text` (offsets into the document). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** An edit a rule offers for its finding, with the title a person reads before applying it. */
export interface FixOffer {
  title: string;
  edits: Edit[];
}

export interface Finding {
  rule: string;
  message: string;
  span: Span;
  severity: Severity;
  /** The index of the story the finding belongs to, if any. */
  story?: number;
  /** Extra machine-readable data (e.g. a suggested replacement). */
  data?: Record<string, unknown>;
  /**
   * A safe fix, owned by the rule: it never rewrites prose, so `starlint --fix` and the editor's
   * fix-all apply it without asking (a missing section's skeleton, an id to its unique closest match).
   */
  fix?: FixOffer;
  /** Edits a person should choose between, shown as quick fixes only ("we" → "I", four labels). */
  suggestions?: FixOffer[];
}

/** What a rule reports; severity is applied later, in one place. */
export interface Report {
  message: string;
  span: Span;
  data?: Record<string, unknown>;
  fix?: FixOffer;
  suggestions?: FixOffer[];
}
