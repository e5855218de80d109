/** The tutorial's mathematical symbols as the α panel, the penalty options and the tooltip write them: the same in every language. */
export const SYMBOLS = {
  alpha: 'α',
  lambda: 'λ',
  alphaGradient: '∂E/∂α',
  logitGradient: '∂E/∂c',
} as const;
