/* Business form enhancements: KBLI and village search, map picker. The form works without this file;
   the original inputs stay the source of truth. Strings come from data- attributes (page language). */
(function () {
  'use strict';
  var form = document.querySelector('[data-testid="business-form"]');
  if (!form || !window.fetch) return;
  var text = form.dataset;

  function el(tag, props, kids) {
    var e = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') e.textContent = props[k]; else e.setAttribute(k, props[k]);
    });
    (kids || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }
  function fire(i) { i.dispatchEvent(new Event('change', { bubbles: true })); }
  function fmt(s, v) { s = String(s || ''); return s.indexOf('{0}') < 0 ? s + ' ' + v : s.replace('{0}', v); }

  /* Search box + list of result buttons: debounced, arrows/Home/End/Escape, results announced. */
  function searchBox(input, url, label, show, pick) {
    var id = input.id;
    var q = el('input', { type: 'search', id: id + '-q', autocomplete: 'off', enterkeyhint: 'search',
      'aria-describedby': id + '-status', 'aria-controls': id + '-list' });
    var status = el('p', { 'class': 'hint', id: id + '-status', role: 'status' });
    var list = el('ul', { 'class': 'results', id: id + '-list', 'aria-label': label });
    var box = el('div', { 'class': 'picker' }, [el('label', { 'for': q.id, text: label }), q, status, list]);
    var timer = 0, ctrl = null, last = '';

    function run() {
      var term = q.value.trim();
      if (term === last) return;
      last = term;
      if (ctrl) ctrl.abort();
      list.textContent = '';
      if (term.length < 2) { status.textContent = ''; return; }
      status.textContent = text.textSearching || '';
      ctrl = new AbortController();
      fetch(url(term), { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: ctrl.signal })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          var items = data.items || [];
          status.textContent = items.length ? fmt(text.textResults, items.length) : (text.textNoResults || '');
          items.forEach(function (item) {
            var b = el('button', { type: 'button', text: show(item) });
            b.addEventListener('click', function () {
              status.textContent = fmt(text.textPicked, show(item));
              list.textContent = '';
              q.value = last = '';
              pick(item);
              q.focus();
            });
            list.appendChild(el('li', {}, [b]));
          });
        })
        .catch(function (e) { if (e.name !== 'AbortError') { last = ''; status.textContent = text.textFailed || ''; } });
    }

    q.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 300); });
    q.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); clearTimeout(timer); run(); }
      else if (e.key === 'ArrowDown' && list.firstChild) { e.preventDefault(); list.firstChild.firstChild.focus(); }
      else if (e.key === 'Escape' && q.value) { e.preventDefault(); q.value = ''; run(); }
    });
    list.addEventListener('keydown', function (e) {
      var li = e.target.parentNode, to = null;
      if (e.key === 'ArrowDown') to = li.nextSibling;
      else if (e.key === 'ArrowUp') to = li.previousSibling;
      else if (e.key === 'Home') to = list.firstChild;
      else if (e.key === 'End') to = list.lastChild;
      else if (e.key === 'Escape') { e.preventDefault(); q.focus(); return; }
      else return;
      e.preventDefault();
      if (to) to.firstChild.focus(); else if (e.key === 'ArrowUp') q.focus();
    });
    return box;
  }

  /* KBLI: removable chips for the codes in the input, and a search that appends codes. */
  var kbli = form.querySelector('[data-kbli-search]');
  if (kbli) {
    var titles = {};
    var chips = el('ul', { 'class': 'chips', 'aria-label': kbli.dataset.chosenLabel || '' });
    var codes = function () { return kbli.value.split(/[\s,;]+/).filter(Boolean); };
    var write = function (list) {
      kbli.value = list.join(', ');
      fire(kbli);
      render();
    };
    var render = function () {
      chips.textContent = '';
      codes().forEach(function (code, i, all) {
        var x = el('button', { type: 'button', 'class': 'remove', 'aria-label': (text.textRemove || '') + ' ' + code, text: '×' });
        x.addEventListener('click', function () {
          write(all.filter(function (c) { return c !== code; }));
          var next = chips.querySelectorAll('button.remove')[Math.min(i, all.length - 2)];
          (next || kbli).focus();
        });
        chips.appendChild(el('li', {}, [el('span', { text: code + (titles[code] ? ' ' + titles[code] : '') }), x]));
      });
    };
    kbli.addEventListener('input', render);
    var search = searchBox(kbli, function (t) {
      return '/api/v1/kbli?level=kelompok&pageSize=10&q=' + encodeURIComponent(t);
    }, kbli.dataset.searchLabel, function (k) { return k.code + ' · ' + k.title; }, function (k) {
      titles[k.code] = k.title;
      var list = codes();
      if (list.indexOf(k.code) < 0) list.push(k.code);
      write(list);
    });
    search.insertBefore(chips, search.firstChild);
    kbli.parentNode.appendChild(search);
    render();
  }

  /* Village code: search by name, fill the code. */
  var village = form.querySelector('[data-region-search="village"]');
  if (village) {
    village.parentNode.insertBefore(searchBox(village, function (t) {
      return '/api/v1/regions?level=Village&pageSize=10&q=' + encodeURIComponent(t);
    }, village.dataset.searchLabel, function (r) { return r.name + ' (' + r.code + ')'; }, function (r) {
      village.value = r.code;
      fire(village);
    }), village.nextSibling);
  }

  /* Map: tap to place a marker and fill latitude/longitude; typing moves the marker. */
  function initMap() {
    var box = form.querySelector('[data-map-picker]');
    if (!box || !window.L) return;
    var d = box.dataset, L = window.L;
    var lat = document.getElementById(d.latInput), lng = document.getElementById(d.lngInput);
    if (!lat || !lng) return;
    box.hidden = false;
    var center = d.center.split(',').map(Number);
    var map = L.map(box.querySelector('[data-map]'), { scrollWheelZoom: false }).setView(center, +d.zoom || 15);
    L.tileLayer(d.tileUrl, { maxZoom: +d.maxZoom || 19, attribution: d.attribution }).addTo(map);
    var marker = null, status = box.querySelector('[role=status]');
    var read = function () {
      var a = parseFloat(lat.value), b = parseFloat(lng.value);
      return isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180 ? L.latLng(a, b) : null;
    };
    var place = function (p) {
      if (marker) { marker.setLatLng(p); return; }
      marker = L.marker(p, { draggable: true, alt: d.markerLabel || '' }).addTo(map);
      marker.on('dragend', function () { fill(marker.getLatLng()); });
    };
    var fill = function (p) {
      p = p.wrap();
      lat.value = p.lat.toFixed(6);
      lng.value = p.lng.toFixed(6);
      place(p);
      fire(lat);
      fire(lng);
    };
    map.on('click', function (e) { fill(e.latlng); });
    var start = read();
    if (start) { place(start); map.setView(start, 17); }
    var sync = function () { var p = read(); if (p) { place(p); map.panTo(p); } };
    lat.addEventListener('input', sync);
    lng.addEventListener('input', sync);

    var locate = box.querySelector('[data-map-locate]');
    if (locate && navigator.geolocation && window.isSecureContext) {
      locate.hidden = false;
      locate.addEventListener('click', function () {
        status.textContent = '';
        navigator.geolocation.getCurrentPosition(function (pos) {
          var p = L.latLng(pos.coords.latitude, pos.coords.longitude);
          fill(p);
          map.setView(p, 17);
        }, function () { status.textContent = d.locateFailed || ''; }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
      });
    }
  }
  // Leaflet is another deferred file: wait for it if it has not run yet.
  if (window.L) initMap(); else window.addEventListener('load', initMap);
})();
