// What an ingest run in another process came to: its summary, or its error with the code it reported.
import type { IngestSummary } from './ingest-corpus.js';

export type IngestOutcome = { success: true; summary: IngestSummary } | { success: false; error: { code: string; message: string } };
