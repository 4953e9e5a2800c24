// For pages that embed Budget Lens charts: size each of our iframes to the height it reports.
// <script src="https://…/embed.js" async></script> — optional; without it an iframe keeps its height attribute.
(function () {
  if (window.__budgetLensEmbeds) return;
  window.__budgetLensEmbeds = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : null;
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'budget-lens:height' || typeof d.height !== 'number') return;
    if (origin && e.origin !== origin) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.max(80, Math.min(4000, d.height)) + 'px';
        frames[i].setAttribute('data-budget-lens-height', String(d.height));
      }
    }
  });
  // embed.js loads async, often after the frames have reported: ask each of them again.
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    try { frames[i].contentWindow.postMessage({ type: 'budget-lens:ping' }, origin || '*'); } catch (err) { /* frame not ready */ }
  }
})();
