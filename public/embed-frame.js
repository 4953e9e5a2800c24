// Inside an embedded chart (/embed/<id>/): tell the host page how tall we are.
(function () {
  if (window.parent === window) return;
  var id = (document.querySelector('[data-chart-id]') || {}).id || '';
  var last = 0;
  function post(force) {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last && force !== true) return;
    last = h;
    window.parent.postMessage({ type: 'budget-lens:height', id: id, height: h }, '*');
  }
  window.addEventListener('load', post);
  window.addEventListener('message', function (e) {
    if (e.source === window.parent && e.data && e.data.type === 'budget-lens:ping') post(true);
  });
  window.addEventListener('resize', post);
  document.addEventListener('toggle', post, true);
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.documentElement);
  post();
})();
