/**
 * THE ONE PLACE where the look of Passend is chosen. See THEME.md.
 *
 * A gemeente swaps the theme by changing the two lines marked (1) and (2):
 *  (1) import the CSS of its own NL Design System token package (e.g. `@gemeente-x/design-tokens/dist/index.css`);
 *  (2) set THEME_CLASS to the class name that package declares its tokens on (e.g. `gemeentex-theme`).
 * The component CSS below reads only design tokens (CSS custom properties), so nothing else changes.
 */
// (1) Design tokens: Rijkshuisstijl Community default theme, declared on `.rhc-theme`.
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
// Component CSS (NL Design System / Utrecht / RHC components), driven by the tokens above.
import '@rijkshuisstijl-community/components-css/dist/index.css';

// (2) The class the token package puts its custom properties on.
export const THEME_CLASS = 'rhc-theme';

/** Name shown in the header; a gemeente may brand it. */
export const APP_NAAM = 'Passend';

/** Puts the theme and document classes on <html> and <body> so every element inherits the tokens. */
export function applyTheme(doc: Document = document): void {
  doc.documentElement.classList.add(THEME_CLASS);
  doc.body.classList.add('utrecht-document', 'utrecht-document--surface');
}
