/**
 * Reading an imported run file in the worker: unzipping (with its size limits checked before
 * inflating) and validating every file happen off the page's thread, so a hostile file cannot freeze it.
 */
import { readRunArchive } from '../engine/model/runArchiveReader';
import { inFile, refuser } from '../engine/model/runFormatError';
import type { EngineCommand, EngineEvent } from './protocol';

/** Answers `readRunArchive`: the validated run, or `failed` naming the file and the problem. */
export async function readArchiveCommand(
  command: Extract<EngineCommand, { type: 'readRunArchive' }>,
  post: (event: EngineEvent) => void,
): Promise<void> {
  if (!(command.bytes instanceof Uint8Array)) refuser(inFile(command.fileName))('bytesMissing');
  const run = await readRunArchive(command.bytes, command.fileName);
  post({ type: 'runArchiveRead', requestId: command.requestId, run });
}
