// Pages at old addresses: go to the new one (the canonical link), keeping the #fragment. The meta
// refresh is in <noscript>, for readers without JavaScript only: it would drop the fragment, and two
// navigations at once would race.
(() => {
  const to = document.querySelector('link[rel="canonical"]');
  if (to) location.replace(to.href.replace(/#.*$/, '') + location.hash);
})();
