import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Streams a GB18030/GBK file into a UTF-8 copy DuckDB can read. Line breaks map one to one,
 * so line numbers in the copy are those of the original. Returns false when the bytes are not
 * valid GB18030 either (the caller then reports an unrecognised encoding).
 */
export async function transcodeGb18030(source: string, target: string): Promise<boolean> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  try {
    await pipeline(
      createReadStream(source, { highWaterMark: 1 << 20 }),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
        yield decoder.decode();
      },
      createWriteStream(target),
    );
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return false;
    throw error;
  }
}
