// The camera panel: the live image (zoom with the wheel, pan by dragging with
// the right button or with Shift held), its histogram and levels, the level
// under the mouse, one control per camera setting, the software ROI or a
// processing Block's boxes drawn with the left button, the Block's overlay,
// and "Start the test" while the run waits on the page (config: true).
'use strict';
window.CrappyCameraPanel = (p, box, { el, send, role }) => {
  const { draw } = p.settings;
  const control = role === 'control';
  const VIEW_SIZE = [640, 480];
  const MIN_CROP = 8;

  const histogram = el('canvas', { class: 'histogram', width: 512, height: 80 });
  const image = el('canvas', { class: 'image', width: VIEW_SIZE[0], height: VIEW_SIZE[1] });
  const info = el('div', { class: 'camera-info' });
  const fpsEl = el('div', { class: 'fps' }, 'waiting for the first image');
  const levelsEl = el('div', { class: 'levels' });
  const zoomEl = el('div', { class: 'zoom' });
  const probeEl = el('div', { class: 'probe' });
  info.append(fpsEl, levelsEl, zoomEl, probeEl);
  const autoRange = el('input', { type: 'checkbox', class: 'auto-range' });
  const autoApply = el('input', { type: 'checkbox', class: 'auto-apply' });
  autoApply.checked = true;
  const apply = el('button', { class: 'apply control' }, 'Apply settings');
  const resetRoi = el('button', { class: 'reset-roi control' }, 'Whole image');
  const settingsEl = el('div', { class: 'settings' });
  const waitingEl = el('div', { class: 'camera-waiting' });
  const start = el('button', { class: 'start control' }, 'Start the test');
  waitingEl.append(el('p', {}, 'The test waits: choose the settings, then start it.'), start);
  const side = el('div', { class: 'camera-side' });
  const checkbox = (input, text) => { const label = el('label'); label.append(input, ` ${text}`); return label; };
  side.append(info, checkbox(autoRange, 'Auto range'), checkbox(autoApply, 'Auto apply'), apply, resetRoi, settingsEl, waitingEl);
  const view = el('div', { class: 'camera-view' });
  view.append(histogram, image);
  const body = el('div', { class: 'camera-body' });
  body.append(view, side);
  box.append(body);

  // ---- The view: which part of the frame is shown ----
  let frameSize = null;
  let crop = null; // [x, y, width, height] asked of the server
  let shown = null; // the header of the image on screen: its crop and size
  let bitmap = null;
  function requestView() {
    send({ type: 'camera-view', id: p.id, crop, size: VIEW_SIZE, autoRange: autoRange.checked });
  }
  autoRange.onchange = requestView;
  function zoomText() {
    if (!frameSize || !crop) return;
    zoomEl.textContent = `zoom ${Math.round((100 * frameSize[0]) / crop[2])} %`;
  }
  /** The frame pixel under a point of the image canvas (in CSS pixels), from the image on screen. */
  function toFrame(event) {
    if (!shown) return null;
    const rect = image.getBoundingClientRect();
    const [cx, cy, cw, ch] = shown.crop;
    return [cx + ((event.clientX - rect.left) / shown.size[0]) * cw, cy + ((event.clientY - rect.top) / shown.size[1]) * ch];
  }
  function clampCrop(x, y, w, h) {
    w = Math.min(frameSize[0], Math.max(MIN_CROP, w));
    h = Math.min(frameSize[1], Math.max(MIN_CROP, h));
    return [Math.min(frameSize[0] - w, Math.max(0, x)), Math.min(frameSize[1] - h, Math.max(0, y)), w, h];
  }
  image.addEventListener('wheel', (event) => {
    event.preventDefault();
    const at = toFrame(event);
    if (!at || !crop) return;
    const factor = event.deltaY < 0 ? 1 / 1.25 : 1.25;
    const [x, y, w, h] = crop;
    crop = clampCrop(at[0] - (at[0] - x) * factor, at[1] - (at[1] - y) * factor, w * factor, h * factor);
    zoomText();
    requestView();
  }, { passive: false });
  image.addEventListener('contextmenu', (event) => event.preventDefault());

  // ---- Dragging: pan (right button, or Shift), or draw a box (left button) ----
  let drag = null;
  image.addEventListener('pointerdown', (event) => {
    const at = toFrame(event);
    if (!at || !crop) return;
    image.setPointerCapture(event.pointerId);
    const pan = event.button === 2 || event.shiftKey;
    if (pan) drag = { kind: 'pan', from: [event.clientX, event.clientY], crop: crop.slice() };
    else if (event.button === 0 && control && draw) drag = { kind: 'draw', from: at, to: at };
  });
  image.addEventListener('pointermove', (event) => {
    const at = toFrame(event);
    if (at) probe(at);
    if (!drag || !at) return;
    if (drag.kind === 'pan') {
      // The image follows the mouse: the crop moves the other way, by as many frame pixels.
      const [x, y, w, h] = drag.crop;
      const dx = ((event.clientX - drag.from[0]) * w) / shown.size[0];
      const dy = ((event.clientY - drag.from[1]) * h) / shown.size[1];
      crop = clampCrop(x - dx, y - dy, w, h);
      requestView();
    } else {
      drag.to = at;
      paint();
    }
  });
  image.addEventListener('pointerup', () => {
    const done = drag;
    drag = null;
    if (!done || done.kind !== 'draw') return;
    const x = Math.round(Math.min(done.from[0], done.to[0]));
    const y = Math.round(Math.min(done.from[1], done.to[1]));
    const width = Math.round(Math.abs(done.to[0] - done.from[0]));
    const height = Math.round(Math.abs(done.to[1] - done.from[1]));
    paint();
    if (width < 2 || height < 2) return;
    if (draw === 'roi') {
      // The image shown is already cut to the current ROI: the new one is placed from its corner.
      const x0 = Number(settings.get('ROI_x')?.value ?? 0);
      const y0 = Number(settings.get('ROI_y')?.value ?? 0);
      setRoi(x0 + x, y0 + y, width, height);
    } else {
      send({ type: 'camera-draw', id: p.id, shape: { type: 'box', x, y, width, height } });
    }
  });
  function setRoi(x, y, width, height) {
    send({ type: 'camera-roi', id: p.id, roi: [x, y, width, height] });
  }
  resetRoi.onclick = () => {
    const w = settings.get('ROI_width');
    const h = settings.get('ROI_height');
    if (w && h) setRoi(0, 0, w.info.max, h.info.max);
  };

  // ---- The level under the mouse ----
  let lastProbe = 0;
  let probed = null;
  function probe(at) {
    const now = performance.now();
    if (now - lastProbe < 100) return;
    lastProbe = now;
    probed = [Math.floor(at[0]), Math.floor(at[1])];
    send({ type: 'camera-probe', id: p.id, x: probed[0], y: probed[1] });
  }

  // ---- Settings ----
  const settings = new Map(); // name → { info, input, output, pending }
  function change(name, value, now) {
    const entry = settings.get(name);
    if (!entry) return;
    if (autoApply.checked || now) send({ type: 'camera-setting', id: p.id, name, value });
    else entry.pending = value;
  }
  apply.onclick = () => {
    for (const [name, entry] of settings) {
      if (entry.pending === undefined) continue;
      send({ type: 'camera-setting', id: p.id, name, value: entry.pending });
      entry.pending = undefined;
    }
  };
  function buildSetting(s) {
    const row = el('div', { class: `setting ${s.kind}`, 'data-setting': s.name });
    let input;
    let output = null;
    if (s.kind === 'bool') {
      input = el('input', { type: 'checkbox' });
      input.onchange = () => change(s.name, input.checked);
      row.append(checkbox(input, s.name));
    } else if (s.kind === 'scale') {
      input = el('input', { type: 'range', min: s.min, max: s.max, step: s.step });
      output = el('output');
      input.oninput = () => { output.textContent = input.value; };
      input.onchange = () => change(s.name, Number(input.value));
      row.append(el('label', {}, s.name), input, output);
    } else {
      input = el('select');
      for (const choice of s.choices) input.append(el('option', { value: choice }, choice));
      input.onchange = () => change(s.name, input.value);
      row.append(el('label', {}, s.name), input);
    }
    input.disabled = !control;
    settingsEl.append(row);
    return { info: s, input, output, pending: undefined };
  }
  function showSettings(list) {
    for (const s of list) {
      let entry = settings.get(s.name);
      if (!entry) { entry = buildSetting(s); settings.set(s.name, entry); }
      entry.info = s;
      if (s.kind === 'scale') Object.assign(entry.input, { min: s.min, max: s.max, step: s.step });
      // A control being edited keeps the user's value until it is applied.
      if (entry.pending !== undefined || document.activeElement === entry.input) continue;
      if (s.kind === 'bool') entry.input.checked = s.value;
      else entry.input.value = String(s.value);
      if (entry.output) entry.output.textContent = String(s.value);
    }
    resetRoi.hidden = !settings.has('ROI_width');
  }

  // ---- Drawing ----
  let overlay = [];
  function paint() {
    const ctx = image.getContext('2d');
    ctx.clearRect(0, 0, image.width, image.height);
    if (!bitmap || !shown) return;
    ctx.drawImage(bitmap, 0, 0);
    const [cx, cy, cw, ch] = shown.crop;
    const sx = shown.size[0] / cw;
    const sy = shown.size[1] / ch;
    const X = (x) => (x - cx) * sx;
    const Y = (y) => (y - cy) * sy;
    ctx.lineWidth = 2;
    ctx.font = '14px system-ui, sans-serif';
    for (const shape of overlay) {
      ctx.strokeStyle = ctx.fillStyle = shape.color || '#e53935';
      if (shape.type === 'box') ctx.strokeRect(X(shape.x), Y(shape.y), shape.width * sx, shape.height * sy);
      else if (shape.type === 'point') { ctx.beginPath(); ctx.arc(X(shape.x), Y(shape.y), shape.radius || 4, 0, 2 * Math.PI); ctx.fill(); }
      else if (shape.type === 'text') ctx.fillText(shape.text, X(shape.x), Y(shape.y));
    }
    if (drag && drag.kind === 'draw') {
      ctx.strokeStyle = '#43a047';
      ctx.setLineDash([6, 4]);
      ctx.strokeRect(X(drag.from[0]), Y(drag.from[1]), (drag.to[0] - drag.from[0]) * sx, (drag.to[1] - drag.from[1]) * sy);
      ctx.setLineDash([]);
    }
  }
  function paintHistogram(levels) {
    const ctx = histogram.getContext('2d');
    const { width, height } = histogram;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    const top = Math.max(1, ...levels.histogram);
    ctx.fillStyle = '#333';
    levels.histogram.forEach((count, level) => {
      const h = (count / top) * height;
      ctx.fillRect(level * 2, height - h, 2, h);
    });
    if (levels.range) {
      // The auto range's ends, on the histogram's scale (levels shown without auto range).
      const shift = levels.bits > 8 ? 2 ** (levels.bits - 8) : 1;
      ctx.fillStyle = '#1e88e5';
      for (const end of levels.range) ctx.fillRect(Math.min(width - 2, (2 * end) / shift), 0, 2, height);
    }
  }

  // ---- Images arriving ----
  const arrivals = [];
  async function showImage(header, jpeg) {
    const decoded = await createImageBitmap(new Blob([jpeg], { type: 'image/jpeg' }));
    bitmap?.close();
    bitmap = decoded;
    shown = header;
    if (!frameSize || frameSize[0] !== header.frameSize[0] || frameSize[1] !== header.frameSize[1]) {
      // The first frame, or a new frame size (a new ROI): show the whole frame.
      const changed = frameSize !== null;
      frameSize = header.frameSize;
      crop = [0, 0, frameSize[0], frameSize[1]];
      if (changed) requestView();
    }
    image.width = header.size[0];
    image.height = header.size[1];
    paint();
    paintHistogram(header.levels);
    const now = performance.now();
    arrivals.push(now);
    while (arrivals.length && arrivals[0] < now - 2000) arrivals.shift();
    fpsEl.textContent = `image ${header.index}, t = ${header.t.toFixed(2)} s, ${(arrivals.length / 2).toFixed(1)} images/s shown`;
    levelsEl.textContent = `min ${header.levels.min}, max ${header.levels.max}, ${header.levels.bits} bits`;
    zoomText();
    Object.assign(box.dataset, { frameIndex: String(header.index), frameSize: header.frameSize.join('x'), crop: header.crop.join(','), bits: String(header.levels.bits) });
  }

  function showValues(values) {
    if (values.settings) showSettings(values.settings);
    if (values.overlay) { overlay = values.overlay; box.dataset.overlay = String(overlay.length); paint(); }
    if ('waiting' in values) {
      box.dataset.waiting = String(values.waiting === true);
      waitingEl.hidden = values.waiting !== true;
    }
  }
  start.onclick = () => { send({ type: 'camera-start', id: p.id }); start.disabled = true; };
  waitingEl.hidden = true;
  showValues(p.values);
  requestView();

  return {
    update(u) { if (u.kind === 'values') showValues(u.values); },
    image: showImage,
    probe(message) {
      if (!probed || message.x !== probed[0] || message.y !== probed[1]) return;
      probeEl.textContent = message.value === null ? '' : `(${message.x}, ${message.y}): ${message.value}`;
    },
  };
};
