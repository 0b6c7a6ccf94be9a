// Small enhancements only; every page works without this file.
// Hovering a highlighted shared phrase lights up its twin on the other side.
document.addEventListener('mouseover', (event) => {
  const mark = event.target instanceof Element ? event.target.closest('mark[data-pair]') : null;
  document.querySelectorAll('mark.active').forEach((m) => m.classList.remove('active'));
  if (!mark) return;
  const pair = mark.getAttribute('data-pair');
  document.querySelectorAll('mark[data-pair]').forEach((m) => {
    if (m.getAttribute('data-pair') === pair) m.classList.add('active');
  });
});
