// A pack: the shards of one group of corpus files in one file, each framed with its path so it can be copied unread.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { StoredFile } from './pack-integrity.js';

const magic = Buffer.from('KBQAPAK1', 'latin1');
const frameHeaderBytes = 8;
const flushBytes = 1 << 20;

export interface PackFrame {
  /** The corpus file the shard belongs to. */
  path: string;
  /** The encoded shard (see shard-codec.ts). */
  shard: Buffer;
  /** The whole frame, copied byte for byte into the next version's pack when the file is unchanged. */
  frame: Buffer;
}

/** The frames of a pack file in order; throws an Error saying where the bytes stop making sense. */
export function readPack(bytes: Buffer): PackFrame[] {
  if (bytes.length < magic.length || !bytes.subarray(0, magic.length).equals(magic)) throw new Error('it is not a shard pack (bad magic bytes)');
  const frames: PackFrame[] = [];
  let position = magic.length;
  while (position < bytes.length) {
    if (position + frameHeaderBytes > bytes.length) throw new Error(`it ends inside the header of frame ${frames.length} (truncated)`);
    const pathBytes = bytes.readUInt32LE(position);
    const shardBytes = bytes.readUInt32LE(position + 4);
    const end = position + frameHeaderBytes + pathBytes + shardBytes;
    if (end > bytes.length) throw new Error(`frame ${frames.length} claims ${pathBytes + shardBytes} bytes, past the end of the file (truncated)`);
    const pathStart = position + frameHeaderBytes;
    frames.push({
      path: bytes.toString('utf8', pathStart, pathStart + pathBytes),
      shard: bytes.subarray(pathStart + pathBytes, end),
      frame: bytes.subarray(position, end),
    });
    position = end;
  }
  return frames;
}

/** Writes a pack file frame by frame (buffered), keeping the size and digest of what it wrote. */
export class PackWriter {
  private readonly descriptor: number;
  private readonly hash: Hash = createHash('sha1');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private totalBytes = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.descriptor = openSync(path, 'w');
    this.push(magic);
  }

  /** Appends the shard of the corpus file `path`. */
  add(path: string, shard: Buffer): void {
    const name = Buffer.from(path, 'utf8');
    const header = Buffer.alloc(frameHeaderBytes);
    header.writeUInt32LE(name.length, 0);
    header.writeUInt32LE(shard.length, 4);
    this.push(header, name, shard);
  }

  /** Appends a frame read from another pack, unchanged. */
  copy(frame: PackFrame): void {
    this.push(frame.frame);
  }

  /** Writes what is left and closes the file; returns its size and digest (as `digestOf` computes them). */
  close(): StoredFile {
    if (!this.closed) {
      this.flush();
      closeSync(this.descriptor);
      this.closed = true;
    }
    return { bytes: this.totalBytes, digest: this.hash.copy().digest('hex') };
  }

  private push(...parts: Buffer[]): void {
    for (const part of parts) {
      this.pending.push(part);
      this.pendingBytes += part.length;
      this.totalBytes += part.length;
      this.hash.update(part);
    }
    if (this.pendingBytes >= flushBytes) this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    for (let written = 0; written < bytes.length; ) written += writeSync(this.descriptor, bytes, written);
    this.pending = [];
    this.pendingBytes = 0;
  }
}
