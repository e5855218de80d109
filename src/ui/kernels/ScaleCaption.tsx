import { divergingGradientCss, rampGradientCss } from '../../viz/colourRamp';
import { formatNumber } from '../backprop/gradientCheckText';

/** The ramps and scales of a conv layer's kernel images (each scaled by its tensor's largest |value|). */
export function ScaleCaption({
  tensor,
  weightScale,
  gradientScale,
}: {
  tensor: string;
  weightScale: number | null;
  gradientScale: number;
}) {
  return (
    <p className="kernel-caption">
      {weightScale !== null && (
        <span className="kernel-scale">
          <span className="ramp-swatch" style={{ background: rampGradientCss() }} /> W ±{formatNumber(weightScale)}
        </span>
      )}
      <span className="kernel-scale">
        <span className="ramp-swatch" style={{ background: divergingGradientCss() }} /> dL/dW ±
        {formatNumber(gradientScale)}
      </span>
      <span className="muted"> each image scaled by the largest |value| in {tensor}</span>
    </p>
  );
}
