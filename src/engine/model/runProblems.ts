/**
 * Every reason a run (a run folder, a run file, a predictions file) is refused, as the English sentence its
 * error's message gives, by code. A sentence's `{{values}}` are numbers, names and short JSON excerpts of the
 * file as they are (`describeValue`), or another problem: where it was found (`inFile`, `inCheckpoint`), why
 * a file could not be read. The page translates the codes (src/ui/runs/problemStrings.ts).
 */
import { codedProblem, type CodedProblem, type ValuesArgument } from './codedProblem';

/** The English sentence of every run problem, by code. */
export const RUN_PROBLEMS = {
  // Where a problem was found.
  inFile: '{{file}}: {{problem}}',
  inCheckpoint: 'checkpoint {{index}}: {{problem}}',
  inPredictions: 'predictions: {{problem}}',
  // Reading the files.
  cannotBeRead: 'cannot be read ({{why}})',
  readInternalError: 'cannot be read (internal error: {{detail}})',
  loadInternalError: 'cannot be loaded (internal error: {{detail}})',
  serverAnswered: 'the server answered HTTP {{status}}',
  bytesMissing: "the file's bytes did not arrive",
  tooManyBytes: '{{bytes}} bytes, at most {{most}} are allowed',
  valueTooDeep: '(a value nested too deeply to show)',
  // The zip of a run file.
  notRunFile: 'not a run file (a zip of a lenet5-run/1 folder): {{why}}',
  noEndOfDirectory: 'no zip end-of-directory record',
  directoryEntryDamaged: 'entry {{index}} of the zip directory is damaged',
  directoryDamaged: 'the zip directory is damaged',
  zip64: 'is a zip64 archive; a run file is never large enough to need zip64',
  tooManyEntries: 'has {{entries}} entries, a run file has at most {{most}}',
  archiveTooLarge: '{{bytes}} bytes, more than any run file (at most {{most}})',
  entryHasPath: "entry {{name}} has a path; a run file holds the run folder's files at its top level",
  entryNotOfRun: 'entry {{name}} is not a file of a run (manifest.json, *.bin, *.predictions.bin)',
  entryTwice: 'entry {{name}} appears twice',
  entryEncrypted: 'entry {{name}} is encrypted',
  entryMethod: 'entry {{name}} uses compression method {{method}}; only stored and deflate are read',
  entryTooLarge: 'entry {{name}} declares {{bytes}} bytes, at most {{most}} are allowed',
  entryCompressedSize: 'entry {{name}} has {{compressed}} compressed bytes for {{bytes}}: the zip directory is damaged',
  entriesTooLarge: 'its entries declare more than {{most}} bytes in all, more than any run holds',
  unlistedEntry: 'contains {{name}}, which manifest.json does not list (a run file holds exactly the run folder)',
  missingFromFile: 'missing from the file',
  inflatesTooMuch: 'inflates to more than the {{bytes}} bytes its zip entry declares',
  inflatesTooLittle: 'inflates to {{actual}} bytes, not the {{bytes}} its zip entry declares',
  compressedDataDamaged: 'damaged compressed data ({{detail}})',
  localHeaderMissing: 'damaged (its zip header is missing)',
  endsInsideEntry: 'damaged (the file ends inside it)',
  crcMismatch: 'damaged (its CRC-32 does not match)',
  // manifest.json.
  notJsonObject: 'is not a JSON object',
  formatIs: 'format is {{value}}, expected {{expected}}',
  noArchitecture: 'has no "architecture" object',
  optionIs: 'architecture.{{option}} is {{value}}, expected one of {{allowed}}',
  unknownOption: 'architecture has the unknown option {{option}}',
  layersDiffer: 'architecture.layers do not match the LeNet-5 layers for these options',
  inputIs: 'input is {{value}}, expected {{expected}}',
  tensorsList: 'tensors must list the {{tensors}} tensors {{names}}',
  tensorIs: 'tensor {{index}} is {{value}}, expected {{expected}}',
  c3TableNotLenet5: "c3Table is not LeNet-5's connection table",
  c3TableGiven: 'c3Table is given but c3 is fully connected',
  c3TableLearned: 'c3Table is given but c3 learns its combinations (the tensor c3.alphaLogits)',
  testImagesIs: 'training.testImages is {{value}}, expected an integer from 1 to {{most}}',
  commandIs: 'training.command is {{value}}, expected the command line as text (at most {{most}} characters)',
  alphaPenaltyIs: 'training.alphaPenalty is {{value}}, expected one of {{allowed}}',
  alphaLambdaIs: 'training.alphaLambda is {{value}}, expected a finite number >= 0',
  noCheckpoints: 'has no checkpoints',
  tooManyCheckpoints: 'lists {{checkpoints}} checkpoints, at most {{most}} are allowed',
  checkpointNotObject: 'checkpoint {{index}} is not an object',
  checkpointEpoch: 'checkpoint {{index}} has epoch {{value}}',
  epochsIncrease: 'epochs must increase ({{epoch}} after {{previous}})',
  checkpointFile: 'checkpoint {{index}} has file {{value}}, expected a plain name ending in .bin',
  checkpointAccuracy: 'checkpoint {{index}} has testAccuracy {{value}}',
  checkpointTrainLoss: 'checkpoint {{index}} has trainLoss {{value}}',
  checkpointTestLoss: 'checkpoint {{index}} has testLoss {{value}}',
  fileListedTwice: 'file {{name}} is listed twice',
  rangesNotObject: 'activationRanges is {{value}}, expected an object by layer id',
  rangesUnknownLayer: 'activationRanges has {{layer}}, which is not a layer of this network',
  rangeIs:
    'activationRanges.{{layer}} is {{value}}, expected { "out": [low, high], "pre": [low, high] or null } with finite low <= high',
  // Checkpoint files.
  checkpointSize: '{{bytes}} bytes, expected {{expected}} ({{parameters}} float32 parameters)',
  checkpointTruncated:
    '{{bytes}} bytes, expected {{expected}} ({{parameters}} float32 parameters); the file is truncated',
  parameterNotFinite: 'parameter {{index}} ({{tensor}}) is {{value}}',
  // Predictions files and their manifest entries.
  notCheckpointName: 'a checkpoint file name ends in .bin',
  imagesIs: 'images is {{value}}, expected an integer from 1 to {{most}}',
  predictionArrays: 'arrays of {{predicted}}, {{confidence}} and {{trueProbability}} values for {{images}} images',
  predictionsSize: '{{bytes}} bytes, expected {{expected}} (9 bytes for each of {{images}} images)',
  predictionsTruncated:
    '{{bytes}} bytes, expected {{expected}} (9 bytes for each of {{images}} images); the file is truncated',
  predictedDigit: 'image {{image}} has predicted digit {{digit}}, expected 0 to 9',
  confidenceIs: 'image {{image}} has predicted-digit probability {{value}}, expected a number in [0, 1]',
  trueProbabilityIs: 'image {{image}} has true-digit probability {{value}}, expected a number in [0, 1]',
  trueAbovePredicted: "image {{image}} has true-digit probability {{value}} above the predicted digit's {{confidence}}",
  predictionsEntryIs: 'predictions is {{value}}, expected an object { "file", "images" }',
  predictionsFileIs: 'predictions file {{value}}, expected a plain name ending in .predictions.bin',
  predictionsFileNot:
    "predictions file {{value}}, expected {{expected}} (the checkpoint's file name with .predictions.bin)",
} as const;

/** A run problem's code. */
export type RunProblemCode = keyof typeof RUN_PROBLEMS;

/** A reason a run is refused, as data: its code and the values its sentence interpolates. */
export type RunProblem = CodedProblem<typeof RUN_PROBLEMS>;

/** The run problem of `code` with `values`. */
export function runProblem<C extends RunProblemCode>(
  code: C,
  ...values: ValuesArgument<typeof RUN_PROBLEMS, C>
): RunProblem {
  return codedProblem<typeof RUN_PROBLEMS, C>(code, ...values);
}
