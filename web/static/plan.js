// Recruitment plan editor (web/plan). Everything here enhances a form that works
// without it (docs/plan-editor.md):
// - the figures under the grid follow the cells as they are typed: the form is posted
//   to the preview, which works them out exactly as a save would (the page's own
//   definition, on the server), and each text is written where the page shows it;
// - leaving the page with changes not saved asks first;
// - a block of cells copied from a spreadsheet fills the grid from the cell it is
//   pasted into, each value in the column and role row it lands on.
// - once the session has ended, a save would go to the sign-in page and lose what was
//   typed: the script says so, and stops the form being sent, until the person has
//   signed in again in another tab.
// - the money of each funding stream (the ARRS, the practice GP scheme, other money)
//   comes back with the figures, each summary list written again by its id.
// The year tabs are buttons of the form: they save, so they never ask before leaving.
// A cell's fields are named kind-role-year-quarter ("s-paramedic-2026-1"), with the
// stream after them on a row not on the ARRS ("s-gp-2026-1-practice_gp"): the row's
// data-role and data-stream.
const form = document.querySelector('form[data-testid="plan-form"]')

const LEAVE = 'You have changes to the plan that are not saved. Leave this page and lose them?'
const CELL = /^([slc])-(.+)-(\d{4})-([1-4])(-(?:practice_gp|other))?$/
const KINDS = ['s', 'l', 'c'] // a quarter's columns: starters, leavers, cost
const WAIT = 400 // ms after the last keystroke before the figures are asked for

let dirty = false
let timer = 0
let pending = null // the preview asked for, cancelled by a newer one
let note = '' // what the last paste left out: said with the figures until the next keystroke
let checked = false // the session was found signed in: the submit under way may go
let checking = false // the session is being checked before a submit

// live writes the status line (a live region): the paste's note, then text.
function live (text) {
  const status = form.querySelector('[data-testid="plan-live"]')
  if (status && status.textContent !== note + text) {
    status.textContent = note + text
  }
}

// changed marks the form as holding changes not saved, and asks for its figures.
function changed (delay) {
  dirty = true
  clearTimeout(timer)
  timer = setTimeout(preview, delay)
}

// ask posts the form to the preview. It is sent as multipart (FormData as it is), which
// the preview reads itself, so that its refusals come back as JSON; a redirect is not
// followed: the only one is to the sign-in page, once the session has ended.
function ask (signal) {
  return fetch(form.dataset.preview, {
    method: 'POST',
    body: new FormData(form),
    credentials: 'same-origin',
    redirect: 'manual',
    headers: { Accept: 'application/json' },
    signal
  })
}

// signedOut tells an answer that sends to the sign-in page.
function signedOut (res) {
  return res.type === 'opaqueredirect' || res.redirected || res.status === 401
}

async function preview () {
  pending?.abort()
  pending = new AbortController()
  let answer
  try {
    const res = await ask(pending.signal)
    session(!signedOut(res)) // any other answer, a refusal too, comes to the signed in
    if (signedOut(res)) {
      return
    }
    answer = await read(res)
  } catch (err) {
    if (err.name !== 'AbortError') {
      live(err.name === 'Refused' ? err.message : 'The figures could not be worked out just now: they will be when you save.')
    }
    return
  }
  show(answer)
}

// read is the preview's figures, or throws its refusal's sentence ({"error": "…"}).
async function read (res) {
  const json = (res.headers.get('Content-Type') || '').startsWith('application/json')
  const body = json ? await res.json() : null
  if (res.ok && body) {
    return body
  }
  const err = new Error(body?.error || 'The figures could not be worked out just now: they will be when you save.')
  err.name = 'Refused'
  throw err
}

// session shows, or hides again, the warning that the session has ended (above the
// Save button), and says it in the status line: there only to be heard, as the warning
// shows the same words just below it.
function session (signedIn) {
  const warning = document.querySelector('[data-testid="plan-signed-out"]')
  const status = form.querySelector('[data-testid="plan-live"]')
  if (!warning || !status) {
    return
  }
  warning.hidden = signedIn
  status.classList.toggle('nhsuk-u-visually-hidden', !signedIn)
  if (!signedIn) {
    note = ''
    live(warning.querySelector('.nhsuk-card__description').textContent)
  }
}

// stillSignedIn asks the preview whether a save would be taken: false only when the
// answer sends to the sign-in page. Anything else (an error, no answer within a few
// seconds) lets the form go: the server judges the save.
async function stillSignedIn () {
  try {
    return !signedOut(await ask(AbortSignal.timeout(5000)))
  } catch {
    return true
  }
}

// submitting checks the session before the form goes: signed out, the save would go to
// the sign-in page and what was typed would be lost, so the form stays, and says why.
// Signed in, the same button submits again, and goes.
async function submitting (event) {
  if (checked) {
    checked = false
    dirty = false // every submit saves, the year tabs too: none asks before the page goes
    return
  }
  event.preventDefault()
  if (checking) {
    return
  }
  checking = true
  const ok = await stillSignedIn()
  checking = false
  session(ok)
  if (!ok) {
    // The focus goes to the warning, so that it is read out, and seen, at once.
    document.querySelector('[data-testid="plan-signed-out"]')?.focus()
  } else {
    checked = true
    form.requestSubmit(event.submitter)
  }
}

// show writes the preview's figures into the page and marks the cells it cannot read.
function show (p) {
  for (const [id, text] of Object.entries(p.values)) {
    for (const el of document.querySelectorAll(`[data-testid="${CSS.escape(id)}"]`)) {
      el.textContent = text
    }
  }
  for (const [id, rows] of Object.entries(p.lists)) {
    const list = document.getElementById(id)
    if (list) {
      fillList(list, rows)
    }
  }
  markCells(p.errors)
}

function fillList (list, rows) {
  const rowClass = list.querySelector('.nhsuk-summary-list__row')?.className || 'nhsuk-summary-list__row'
  list.replaceChildren(...rows.map((r) => {
    const row = document.createElement('div')
    row.className = rowClass
    row.dataset.testid = r.testId
    const key = document.createElement('dt')
    key.className = 'nhsuk-summary-list__key'
    key.textContent = r.key
    const value = document.createElement('dd')
    value.className = 'nhsuk-summary-list__value'
    value.textContent = r.value
    row.append(key, value)
    return row
  }))
}

// markCells outlines the cells the preview cannot read, without stopping the typing:
// a save names them in the error summary.
function markCells (errors) {
  for (const input of form.querySelectorAll('input.app-plan-invalid')) {
    input.classList.remove('app-plan-invalid')
    input.removeAttribute('aria-invalid')
    input.removeAttribute('title')
  }
  for (const e of errors) {
    const input = form.elements.namedItem(e.field)
    if (input instanceof HTMLInputElement) {
      input.classList.add('app-plan-invalid')
      input.setAttribute('aria-invalid', 'true')
      input.title = e.message
    }
  }
  if (errors.length === 0) {
    live('The figures include your changes, which are not saved yet.')
  } else {
    const n = errors.length
    live(`${n} ${n === 1 ? 'cell cannot' : 'cells cannot'} be read and ${n === 1 ? 'counts' : 'count'} for nothing in the figures: ${errors[0].message}.`)
  }
}

// A link that leaves the page (not one to a cell of it) asks first while changes are
// not saved; the browser's own question covers closing the tab and other forms.
function leaving (event) {
  if (!dirty || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return
  }
  const link = event.target.closest('a[href]')
  if (!link || link.target === '_blank') {
    return
  }
  const to = new URL(link.href, window.location.href)
  const here = new URL(window.location.href)
  if (to.hash && to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) {
    return
  }
  if (window.confirm(LEAVE)) {
    dirty = false
  } else {
    event.preventDefault()
  }
}

// block reads what a spreadsheet copies: rows on lines, cells separated by tabs.
function block (text) {
  return text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n').map((line) => line.split('\t'))
}

// columns are the grid's columns from the one pasted into, rightwards: a quarter's
// starters, leavers and cost, then the next quarter's; each is a column of every role
// row, whether or not its cells there are inputs.
function columns (kind, year, quarter) {
  const out = []
  for (let q = quarter; q <= 4; q++) {
    for (const k of KINDS) {
      if (q > quarter || KINDS.indexOf(k) >= KINDS.indexOf(kind)) {
        out.push(`${k}-{role}-${year}-${q}{stream}`)
      }
    }
  }
  return out
}

function clean (input, value) {
  const v = value.trim()
  return input.name.startsWith('c-') ? v.replace(/[£,\s]/g, '') : v
}

// input is the input of a role row in a column; null where the cell cannot change (a
// quarter that has ended, one before the role joined ARRS) or is off the grid.
function input (row, col) {
  if (!row || !col || !row.dataset.role) {
    return null
  }
  const stream = row.dataset.stream ? `-${row.dataset.stream}` : ''
  const el = form.elements.namedItem(col.replace('{role}', row.dataset.role).replace('{stream}', stream))
  return el instanceof HTMLInputElement ? el : null
}

// leftOut says how many pasted values were not entered, and why.
function leftOut (fixed, outside) {
  const parts = []
  if (fixed > 0) {
    parts.push(`${fixed} pasted ${fixed === 1 ? 'value fell on a cell' : 'values fell on cells'} that cannot change (a quarter that has ended, or before the role joined ARRS)`)
  }
  if (outside > 0) {
    parts.push(`${outside} pasted ${outside === 1 ? 'value fell' : 'values fell'} outside the grid`)
  }
  return parts.length === 0 ? '' : parts.join('; ') + ', and ' + (fixed + outside === 1 ? 'was' : 'were') + ' left out. '
}

// paste fills the grid with a block from the cell pasted into: each pasted column goes
// to the grid's column at its place (quarter, then starters, leavers, cost), each
// pasted row to the next role row down, inputs or not, so that no value slides into
// another quarter or role. A value on a cell that cannot change, or off the grid, is
// left out, and the status line says so.
function paste (event) {
  const start = event.target
  const m = start instanceof HTMLInputElement && CELL.exec(start.name)
  const text = event.clipboardData?.getData('text/plain') ?? ''
  if (!m || !/[\t\r\n]/.test(text)) {
    return // one value: the browser pastes it, and the input event follows
  }
  event.preventDefault()
  const cols = columns(m[1], m[3], Number(m[4]))
  const row = start.closest('tr')
  const rows = [...row.parentElement.rows].slice(row.sectionRowIndex)
  let fixed = 0
  let outside = 0
  block(text).forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = input(rows[r], cols[c])
      if (cell) {
        cell.value = clean(cell, v)
      } else if (v.trim() !== '') {
        if (r < rows.length && c < cols.length) {
          fixed++
        } else {
          outside++
        }
      }
    })
  })
  note = leftOut(fixed, outside)
  changed(0)
}

if (form && form.dataset.preview) {
  // A refused save shows the input it kept: its figures, and its cells that cannot be
  // read, are those of that input.
  if (form.dataset.unsaved === 'true') {
    changed(0)
  }
  form.addEventListener('input', (event) => {
    if (CELL.test(event.target.name || '')) {
      note = ''
      changed(WAIT)
    }
  })
  form.addEventListener('paste', paste)
  form.addEventListener('submit', submitting)
  document.addEventListener('click', leaving)
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault()
      event.returnValue = ''
    }
  })
}
