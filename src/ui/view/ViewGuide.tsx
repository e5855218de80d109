import { useAppStore } from '../../store/appStore';
import { writeFlag } from '../shell/rememberedFlag';

/** localStorage key remembering that the guide was dismissed. */
export const VIEW_GUIDE_KEY = 'lenet5.viewGuideDismissed';

/** "How to read this view": a short guide beside the 3D view on a first visit, dismissed once and remembered. */
export function ViewGuide() {
  const shown = useAppStore((s) => s.viewGuide);
  const backward = useAppStore((s) => s.viewKind === 'backward');
  if (!shown) return null;
  const dismiss = () => {
    writeFlag(VIEW_GUIDE_KEY, true);
    useAppStore.getState().set({ viewGuide: false });
  };
  return (
    <section className="view-guide" aria-label="How to read this view" data-testid="view-guide">
      <h2>How to read this view</h2>
      <ul>
        <li>Every tile is one neuron: the 32x32 input at the bottom, the ten digits at the top.</li>
        {backward ? (
          <li>Colour is the neuron's error term δ: red positive, blue negative, white zero.</li>
        ) : (
          <li>Colour is the neuron's activation: dark is zero, orange to pale yellow high, blue negative.</li>
        )}
        <li>
          Hover or tap a node to see where its input comes from; click pins it. With the keyboard: Tab to the view,
          arrows move within a layer, Page Up/Down between layers.
        </li>
        <li>Drag to turn the view, scroll or pinch to zoom; the camera presets are under the view options.</li>
      </ul>
      <button type="button" onClick={dismiss} data-testid="view-guide-dismiss">
        Got it
      </button>
    </section>
  );
}
