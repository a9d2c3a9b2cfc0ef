// The corpus files besides articles and rules (light, for the check that nothing changed since the last ingest).

/** Metadata of documents that their files cannot carry themselves (see corpus-metadata.ts). */
export const corpusMetadataFileName = 'documents.yaml';
/** Editors' standard answers (see standard-answers/). */
export const standardAnswersFileName = 'standard-answers.yaml';
export const corpusDataFileNames = [corpusMetadataFileName, standardAnswersFileName];
