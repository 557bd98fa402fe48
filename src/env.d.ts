/** CSS imported by the popup and options entries; esbuild bundles it into popup.css / options.css. */
declare module '*.css';
