// Public maps (sentra home, directory): markers for the businesses listed on the page. Without JavaScript the list stays.
(function () {
  'use strict';
  var el = document.querySelector('[data-public-map]');
  if (!el || !window.L) return;
  // Markers come in data-markers, or (lighter for long lists: no &quot; escaping) in the JSON block data-markers-from names.
  var from = el.getAttribute('data-markers-from');
  var source = from ? document.getElementById(from) : null;
  var markers = JSON.parse((source ? source.textContent : el.getAttribute('data-markers')) || '[]');
  if (!markers.length) return;
  var map = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(el.getAttribute('data-tile-url'), {
    maxZoom: parseInt(el.getAttribute('data-max-zoom'), 10) || 19,
    attribution: el.getAttribute('data-attribution') || ''
  }).addTo(map);
  var bounds = [];
  markers.forEach(function (m) {
    var link = document.createElement('a');
    link.href = m.url;
    link.textContent = m.name;
    var popup = document.createElement('div');
    popup.appendChild(link);
    if (m.open) {
      var open = document.createElement('div');
      open.textContent = el.getAttribute('data-open-label');
      popup.appendChild(open);
    }
    // Not in the tab order: the list below the map holds the same links, and twenty tab stops in a
    // crowded map would only be in the way (markers this close are also too small as touch targets).
    L.marker([m.lat, m.lng], { title: m.name, alt: m.name, keyboard: false }).addTo(map).bindPopup(popup);
    bounds.push([m.lat, m.lng]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
})();
