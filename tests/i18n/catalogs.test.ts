/**
 * The catalogs: English and Chinese have the same keys in every namespace (the typecheck says so too), each
 * translation interpolates the same values as its English, and no Chinese string is left in English.
 */
import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from '../../src/i18n/resources';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Strings that read the same in both languages (names, symbols, units). */
const SAME_IN_BOTH =
  /^[\s\d\p{P}\p{S}{}]*$|^(English|简体中文|softmax|ReLU|MNIST|LeNet-5|WebGL2|WebAssembly|tanh|sigmoid|max|mean|c[135]|s[24]|f6)$|^\{\{\w+\}\}$/u;

describe('the catalogs', () => {
  it('give every namespace the same keys in English and Chinese', () => {
    for (const ns of NAMESPACES) {
      const en = leaves(resources.en[ns] as Tree);
      const zh = leaves(resources.zh[ns] as Tree);
      expect([...zh.keys()].sort(), ns).toEqual([...en.keys()].sort());
    }
  });

  it('interpolate the same values in both languages', () => {
    for (const ns of NAMESPACES) {
      const zh = leaves(resources.zh[ns] as Tree);
      for (const [key, english] of leaves(resources.en[ns] as Tree)) {
        expect(variables(zh.get(key) ?? ''), `${ns}:${key}`).toEqual(variables(english));
      }
    }
  });

  it('leave no Chinese string in English', () => {
    for (const ns of NAMESPACES) {
      const en = leaves(resources.en[ns] as Tree);
      for (const [key, chinese] of leaves(resources.zh[ns] as Tree)) {
        if (chinese === en.get(key) && !SAME_IN_BOTH.test(chinese))
          expect.fail(`${ns}:${key} is not translated: ${chinese}`);
      }
    }
  });
});
