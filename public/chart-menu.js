// Chart menu enhancements (reading never needs this): copy the embed snippet, download a 2× PNG.
(function () {
  // Each chart includes this script; act once per page.
  if (window.__budgetLensChartMenu) return;
  window.__budgetLensChartMenu = true;
  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function png(button) {
    var url = button.getAttribute('data-svg');
    button.disabled = true;
    fetch(url).then(function (r) { return r.text(); }).then(function (text) {
      var m = /width="([\d.]+)" height="([\d.]+)"/.exec(text);
      var w = m ? Number(m[1]) : 640, h = m ? Number(m[2]) : 400;
      var img = new Image();
      img.onload = function () {
        var c = document.createElement('canvas');
        c.width = Math.round(w * 2); c.height = Math.round(h * 2);
        var ctx = c.getContext('2d');
        ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, c.width, c.height);
        ctx.drawImage(img, 0, 0, c.width, c.height);
        c.toBlob(function (b) { download(b, button.getAttribute('data-name')); button.disabled = false; }, 'image/png');
      };
      img.onerror = function () { button.disabled = false; };
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    });
  }
  document.querySelectorAll('.chart-menu [hidden]').forEach(function (el) { el.hidden = false; });
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target.closest('button') : null;
    if (!t) return;
    if (t.classList.contains('chart-png')) png(t);
    if (t.hasAttribute('data-copy')) {
      var field = document.getElementById(t.getAttribute('data-copy'));
      if (!field) return;
      field.select();
      (navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject()).then(
        function () { t.textContent = '已复制'; },
        function () { document.execCommand && document.execCommand('copy'); t.textContent = '已复制'; });
    }
  });
})();
