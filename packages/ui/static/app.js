// The run's page: one panel per UI Block, fed over a WebSocket.
'use strict';
(() => {
  const panelsEl = document.getElementById('panels');
  const stateEl = document.getElementById('run-state');
  const elapsedEl = document.getElementById('run-elapsed');
  let ws = null;
  let panels = new Map();
  let links = [];
  let blocks = [];
  let role = 'view';

  const send = (message) => ws && ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(message));
  document.getElementById('pause').onclick = () => send({ type: 'pause' });
  document.getElementById('resume').onclick = () => send({ type: 'resume' });
  document.getElementById('stop').onclick = () => send({ type: 'stop' });

  function el(tag, attrs = {}, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function format(value, digits) {
    if (typeof value === 'number') return Number.isFinite(value) ? value.toFixed(digits) : String(value);
    if (value === null || value === undefined) return '–';
    return Array.isArray(value) ? `[${value.length} values]` : String(value);
  }

  // ---- Grapher ----
  const COLORS = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f'];
  function grapher(p, box) {
    const { curves, keep } = p.settings;
    const info = el('div', { class: 'points' });
    const waiting = el('div', { class: 'waiting' });
    const plotEl = el('div');
    box.append(waiting, plotEl, info);
    let data = p.curves.map(([x, y]) => [x.slice(), y.slice()]);
    while (data.length < curves.length) data.push([[], []]);
    const xLabel = [...new Set(curves.map((c) => c[0]))].join(', ');
    let xRange = [0, 1];
    const plot = new uPlot(
      {
        width: 560, height: 320,
        // The x range is computed here: uPlot would read it from the first and last x, which
        // is wrong when x goes back (an x-y curve such as force against strain).
        scales: { x: { time: false, range: () => xRange } },
        axes: [{ label: xLabel }, { size: (u, values) => 20 + 8 * Math.max(3, ...(values || []).map((v) => String(v).length)) }],
        series: [{ label: xLabel }, ...curves.map((c, i) => ({ label: c[1], stroke: COLORS[i % COLORS.length], spanGaps: true, points: { show: false } }))],
      },
      [[]].concat(curves.map(() => [])),
      plotEl,
    );
    let dirty = true;
    function count() { return data.reduce((n, c) => n + c[0].length, 0); }
    function redraw() {
      if (!dirty) return;
      dirty = false;
      const n = count();
      box.dataset.points = String(n);
      info.textContent = `${n} points`;
      const missing = curves.filter((c, i) => data[i][0].length === 0).flatMap((c) => c);
      waiting.textContent = missing.length ? `waiting for ${[...new Set(missing)].join(', ')}` : '';
      if (n === 0) return;
      let min = Infinity;
      let max = -Infinity;
      for (const [x] of data) for (const v of x) { if (v < min) min = v; if (v > max) max = v; }
      xRange = min < max ? [min, max] : [min - 1, min + 1];
      const increasing = data.every(([x]) => x.every((v, i) => i === 0 || v >= x[i - 1]));
      if (data.length === 1 && !increasing) {
        // One x-y curve whose x goes back (a load-unload loop): drawn in arrival order.
        plot.setData([data[0][0], data[0][1]]);
        return;
      }
      plot.setData(uPlot.join(data.map(([x, y]) => {
        // uPlot.join needs increasing x: several curves whose x goes back are sorted by x.
        if (increasing) return [x, y];
        const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
        return [idx.map((i) => x[i]), idx.map((i) => y[i])];
      })));
    }
    return {
      update(u) {
        if (u.kind !== 'series') return;
        if (u.replace) data = u.curves.map(([x, y]) => [x.slice(), y.slice()]);
        else u.curves.forEach(([x, y], i) => {
          const c = data[i];
          for (let k = 0; k < x.length; k++) { c[0].push(x[k]); c[1].push(y[k]); }
          const extra = c[0].length - keep;
          if (extra > 0) { c[0].splice(0, extra); c[1].splice(0, extra); }
        });
        dirty = true;
      },
      frame: redraw,
    };
  }

  // ---- Dashboard ----
  function dashboard(p, box) {
    const rows = new Map();
    for (const label of p.settings.labels) {
      const row = el('div', { class: 'row', 'data-label': label });
      const value = el('div', { class: 'value' });
      row.append(el('div', { class: 'label' }, label), value);
      box.append(row);
      rows.set(label, value);
    }
    const values = { ...p.values };
    function show() {
      for (const [label, value] of rows) {
        if (label in values) { value.textContent = format(values[label], p.settings.digits); value.classList.remove('waiting'); }
        else { value.textContent = `waiting for ${label}`; value.classList.add('waiting'); }
      }
    }
    show();
    return { update(u) { if (u.kind === 'values') { Object.assign(values, u.values); show(); } } };
  }

  // ---- Button and StopButton ----
  function button(p, box, text) {
    const b = el('button', { class: 'control' }, text);
    b.onclick = () => send({ type: 'click', id: p.id });
    box.append(b);
    return {};
  }

  // ---- Canvas ----
  function color(value, [min, max]) {
    const r = Math.max(0, Math.min(1, (value - min) / (max - min)));
    const hue = 240 * (1 - r);
    return `hsl(${hue}, 90%, 45%)`;
  }
  function printf(format, value) {
    return format.replace(/%\.(\d+)f/, (_, n) => (typeof value === 'number' ? value.toFixed(Number(n)) : String(value)));
  }
  function canvas(p, box) {
    const { items, hasImage, size, colorRange } = p.settings;
    const c = el('canvas', { width: size[0], height: size[1] });
    box.append(c);
    const ctx = c.getContext('2d');
    const values = { ...p.values };
    let image = null;
    if (hasImage) {
      image = new Image();
      image.onload = () => { c.width = image.naturalWidth; c.height = image.naturalHeight; draw(); };
      image.src = `/image/${p.id}`;
    }
    function draw() {
      ctx.fillStyle = '#fafafa';
      ctx.fillRect(0, 0, c.width, c.height);
      if (image && image.complete && image.naturalWidth) ctx.drawImage(image, 0, 0);
      ctx.font = '16px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (const item of items) {
        const [x, y] = item.coord;
        if (item.type === 'time') {
          ctx.fillStyle = '#000';
          ctx.fillText(`t = ${elapsed.toFixed(1)} s`, x, y);
        } else if (!(item.label in values)) {
          ctx.fillStyle = '#888';
          ctx.fillText(`waiting for ${item.label}`, x, y);
        } else if (item.type === 'text') {
          ctx.fillStyle = '#000';
          ctx.fillText(item.format ? printf(item.format, values[item.label]) : `${item.label} = ${format(values[item.label], 2)}`, x, y);
        } else {
          ctx.beginPath();
          ctx.arc(x, y, item.radius ?? 10, 0, 2 * Math.PI);
          ctx.fillStyle = color(Number(values[item.label]), colorRange);
          ctx.fill();
        }
      }
    }
    draw();
    return {
      update(u) { if (u.kind === 'values') { Object.assign(values, u.values); c.dataset.values = JSON.stringify(values); draw(); } },
      tick: draw,
    };
  }

  const KINDS = {
    grapher,
    dashboard,
    button: (p, box) => button(p, box, p.title),
    'stop-button': (p, box) => button(p, box, 'Stop the test'),
    canvas,
    camera: (p, box) => window.CrappyCameraPanel(p, box, { el, send, role }),
  };

  function init(message) {
    panelsEl.textContent = '';
    // The controls show once the server says this page has them; it refuses a view-only page's commands anyway.
    document.body.dataset.role = message.role;
    role = message.role;
    panels = new Map();
    blocks = message.blocks;
    links = message.links;
    for (const p of message.panels) {
      const box = el('section', { class: `panel ${p.kind}`, id: `panel-${p.id}`, 'data-kind': p.kind, 'data-name': p.name });
      box.append(el('h2', {}, p.title));
      panelsEl.append(box);
      const make = KINDS[p.kind];
      panels.set(p.id, make ? make(p, box) : {});
    }
    const bt = document.querySelector('#blocks-table tbody');
    bt.textContent = '';
    blocks.forEach((name, i) => {
      const tr = el('tr', { 'data-block': i });
      tr.append(el('td', {}, name), el('td', { class: 'rate' }, '–'));
      bt.append(tr);
    });
    const lt = document.querySelector('#links-table tbody');
    lt.textContent = '';
    links.forEach((link, i) => {
      const tr = el('tr', { 'data-link': i, title: `${link.from} → ${link.to}` });
      tr.append(el('td', {}, `${link.from} → ${link.to}`), el('td', { class: 'sent' }), el('td', { class: 'received' }), el('td', { class: 'dropped' }));
      lt.append(tr);
    });
  }

  let elapsed = 0;
  let state = 'connecting';
  function run(message) {
    state = message.state;
    stateEl.textContent = state;
    stateEl.dataset.state = state;
    elapsed = message.elapsed;
    elapsedEl.textContent = elapsed.toFixed(1);
    document.getElementById('pause').disabled = state !== 'running';
    document.getElementById('resume').disabled = state !== 'paused';
    document.getElementById('stop').disabled = state === 'ended' || state === 'stopping';
    message.rates.forEach((rate, i) => {
      const td = document.querySelector(`#blocks-table tr[data-block="${i}"] .rate`);
      if (td) td.textContent = rate === null ? '–' : rate.toFixed(rate < 10 ? 2 : 1);
    });
    message.links.forEach((s, i) => {
      const tr = document.querySelector(`#links-table tr[data-link="${i}"]`);
      if (!tr) return;
      tr.querySelector('.sent').textContent = s.sent;
      tr.querySelector('.received').textContent = s.received;
      const d = tr.querySelector('.dropped');
      d.textContent = s.dropped;
      d.classList.toggle('dropped-some', s.dropped > 0);
    });
    for (const p of panels.values()) p.tick && p.tick();
  }

  function connect() {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    ws.binaryType = 'arraybuffer';
    ws.onmessage = (event) => {
      if (event.data instanceof ArrayBuffer) {
        // A camera image: the panel's id, the length of a JSON header, the header, the JPEG.
        const data = new DataView(event.data);
        const length = data.getUint32(4, true);
        const header = JSON.parse(new TextDecoder().decode(new Uint8Array(event.data, 8, length)));
        panels.get(data.getUint32(0, true))?.image?.(header, new Uint8Array(event.data, 8 + length));
        return;
      }
      const message = JSON.parse(event.data);
      if (message.type === 'init') init(message);
      else if (message.type === 'run') run(message);
      else if (message.type === 'panel') panels.get(message.id)?.update?.(message.update);
      else if (message.type === 'camera-probe') panels.get(message.id)?.probe?.(message);
    };
    ws.onclose = () => {
      if (state !== 'ended') {
        state = 'disconnected';
        stateEl.textContent = 'disconnected';
        stateEl.dataset.state = 'disconnected';
        setTimeout(connect, 1000);
      }
      for (const id of ['pause', 'resume', 'stop']) document.getElementById(id).disabled = true;
    };
  }

  function frame() {
    for (const p of panels.values()) p.frame && p.frame();
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  connect();
})();
