/** The viewer's index.html: a header and a panes container that the bundled app fills. */

/** A small rice-green icon inline, so the browser asks the server for no favicon. */
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%232e5d1f'/%3E%3Cpath d='M4 12 L8 3 L12 12' stroke='%23cfe3b0' stroke-width='2' fill='none'/%3E%3C/svg%3E";

/**
 * Builds the page; `jsFile` is the entry bundle's file name. MapLibre's CSS is not linked
 * here: the app adds it with the map, so the first load stays small on a phone.
 */
export function indexHtml(jsFile: string, defaultLang?: 'vi' | 'en'): string {
  return `<!doctype html>
<html lang="${defaultLang ?? 'vi'}"${defaultLang ? ` data-default-lang="${defaultLang}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#2e5d1f">
<title>agrisim live</title>
<link rel="icon" href="${ICON}">
<link rel="stylesheet" href="viewer.css">
<script type="module" src="${jsFile}"></script>
</head>
<body>
<header class="top"></header>
<main class="panes" data-count="1"></main>
<main class="paddy" hidden></main>
<noscript>agrisim live needs JavaScript. / Trang này cần JavaScript.</noscript>
</body>
</html>
`;
}
