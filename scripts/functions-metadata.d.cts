/** Types of scripts/functions-metadata.cjs for the tests. */
export interface FunctionParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameter[];
  result: { type?: string; dimensionality?: string };
}
export interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}
export interface HelpTable {
  [id: string]: { description?: string; parameters?: Record<string, string> };
}
export const ZH_LOCALE_FILE: string;
export function withErrorInputs(metadata: Metadata): Metadata;
export function translationProblems(metadata: Metadata, table: HelpTable): string[];
export function localizeMetadata(metadata: Metadata, table: HelpTable): Metadata;
export class FunctionsMetadataPlugin {
  constructor(options: { metadata: string; helpZh: string });
}
