/**
 * Every catalog of the app, by namespace: one per room of src/ui (its strings.ts), the view's words
 * (src/viz/strings.ts), the δ explanations (src/viz/deltaStrings.ts) and the messages the store and the
 * engine worker report (src/i18n/messages.ts). The English catalogs define the keys; each Chinese one is
 * typed `Catalog<typeof en>`, so a key missing in either fails the typecheck.
 */
import * as address from '../ui/address/strings';
import * as backprop from '../ui/backprop/strings';
import * as batch from '../ui/batch/strings';
import * as chapters from '../ui/chapters/strings';
import * as charts from '../ui/charts/strings';
import * as closeup from '../ui/closeup/strings';
import * as combinations from '../ui/combinations/strings';
import * as compare from '../ui/compare/strings';
import * as engineStatus from '../ui/engine-status/strings';
import * as explorer from '../ui/explorer/strings';
import * as featureImages from '../ui/feature-images/strings';
import * as attribution from '../ui/attribution/strings';
import * as kernels from '../ui/kernels/strings';
import * as momentum from '../ui/momentum/strings';
import * as penalties from '../ui/penalties/strings';
import * as portraits from '../ui/portraits/strings';
import * as pad from '../ui/pad/strings';
import * as probe from '../ui/probe/strings';
import * as problems from '../ui/problems/problemStrings';
import * as reading from '../ui/reading/strings';
import * as runs from '../ui/runs/strings';
import * as slide from '../ui/slide/strings';
import * as sweeps from '../ui/sweeps/strings';
import * as shell from '../ui/shell/strings';
import * as teaching from '../ui/teaching/teachingStrings';
import * as training from '../ui/training/strings';
import * as view from '../ui/view/strings';
import * as viewControls from '../ui/view-controls/strings';
import * as delta from '../viz/deltaStrings';
import * as viz from '../viz/strings';
import * as messages from './messages';

const catalogs = {
  address,
  attribution,
  backprop,
  batch,
  chapters,
  charts,
  closeup,
  combinations,
  compare,
  delta,
  engineStatus,
  explorer,
  featureImages,
  kernels,
  messages,
  momentum,
  pad,
  penalties,
  portraits,
  probe,
  problems,
  reading,
  runs,
  shell,
  slide,
  sweeps,
  teaching,
  training,
  view,
  viewControls,
  viz,
} as const;

type Namespaces = typeof catalogs;

/** The English catalogs: the keys every language must have. */
export type Resources = { readonly [N in keyof Namespaces]: Namespaces[N]['en'] };

/** The namespaces, in a fixed order. */
export const NAMESPACES = Object.keys(catalogs) as (keyof Namespaces)[];

function byLanguage(language: 'en' | 'zh') {
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogs[ns][language]]));
}

/** The resources i18next is initialised with. */
export const resources = { en: byLanguage('en'), zh: byLanguage('zh') };
