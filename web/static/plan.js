// Recruitment plan grid: keeps each quarter's "Net starters (FTE)" row up to date
// while people type. The server works out the same figure on every save, so without
// JavaScript the row shows the saved plan's; nothing here is needed to use the form.
const form = document.querySelector('form[data-testid="plan-form"]')

const fte = (v) => (v < 0 ? '−' : '') + Math.abs(v).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })

function updateNet (quarter) {
  let net = 0
  for (const input of form.querySelectorAll(`input[name$="-${quarter}"]`)) {
    const kind = input.name.charAt(0)
    const v = parseFloat(input.value)
    if (Number.isFinite(v) && (kind === 's' || kind === 'l')) {
      net += kind === 's' ? v : -v
    }
  }
  const cell = document.querySelector(`[data-net="${quarter}"]`)
  if (cell) {
    cell.textContent = fte(net)
  }
}

if (form) {
  form.addEventListener('input', (event) => {
    const match = /^[sl]-[a-z_]+-(\d{4}-[1-4])$/.exec(event.target.name || '')
    if (match) {
      updateNet(match[1])
    }
  })
}
