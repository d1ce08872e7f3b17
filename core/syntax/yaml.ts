/**
 * The YAML front end: OCI-P command files (one command per YAML document) → SourceFile.
 * `parseYaml` parses from scratch; `IncrementalYamlParser` keeps parsed documents by text, so re-parsing a
 * big file after an edit only parses the documents that changed (see ./chunks).
 */
import type { SourceFile } from '../tree/types';
import { ChunkedParser, type SourceFragment } from './chunks';
import { parseYamlChunk } from './yaml-chunk';
import { parseYamlChunkFast } from './yaml-fast';
import { splitYamlDocuments } from './yaml-split';
import { yamlLineEnds } from '../text/line-ends';

/** One document: the fast path for the plain subset OCI-P files use, else the full `yaml` package. */
export function parseYamlDocument(text: string): SourceFragment {
  return parseYamlChunkFast(text) ?? parseYamlChunk(text);
}

export class IncrementalYamlParser {
  private readonly chunks: ChunkedParser;

  /** `capacity`: how many distinct documents to remember (0 = none, every parse starts from scratch). */
  constructor(capacity = 20000) {
    this.chunks = new ChunkedParser(parseYamlDocument, capacity);
  }

  /** Documents actually parsed so far (the others came from the cache). */
  get parsedDocuments(): number {
    return this.chunks.parsedChunks;
  }

  /** Never throws. The returned tree shares objects with the cache: do not mutate it. */
  parse(text: string): SourceFile {
    const { commands, problems } = this.chunks.parse(splitYamlDocuments(yamlLineEnds(text)));
    return { format: 'yaml', commands, problems };
  }
}

/** Parses a YAML command file from scratch. Never throws. */
export function parseYaml(text: string): SourceFile {
  return new IncrementalYamlParser(0).parse(text);
}
