// StoreSite's only script (no inline script: the CSP forbids it).
// Copy buttons: <button data-copy-target="#id"> copies the target field's value and says "Copied".
(function () {
    'use strict';

    function say(button, text) {
        var status = button.parentElement && button.parentElement.querySelector('.copy-status');
        if (status) {
            status.textContent = text;
        }
        button.setAttribute('data-copied', text === 'Copied' ? 'true' : 'false');
    }

    async function copy(button) {
        var target = document.querySelector(button.getAttribute('data-copy-target'));
        if (!target) {
            return;
        }
        var value = target.value !== undefined ? target.value : target.textContent;
        try {
            if (navigator.clipboard && window.isSecureContext) {
                await navigator.clipboard.writeText(value);
            } else {
                target.focus();
                target.select();
                if (!document.execCommand('copy')) {
                    throw new Error('copy refused');
                }
            }
            say(button, 'Copied');
        } catch (e) {
            target.focus();
            if (target.select) {
                target.select();
            }
            say(button, 'Press Ctrl+C to copy');
        }
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy-target]') : null;
        if (button) {
            event.preventDefault();
            copy(button);
        }
    });

    // Fields marked data-select-on-focus select their whole value when focused (keys are easy to copy by hand).
    document.addEventListener('focusin', function (event) {
        if (event.target.hasAttribute && event.target.hasAttribute('data-select-on-focus') && event.target.select) {
            event.target.select();
        }
    });

    // Forms with data-confirm ask before submitting.
    document.addEventListener('submit', function (event) {
        var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
    // Elements marked data-without-script are for browsers without script (e.g. a button that asks the server to fill a form).
    document.querySelectorAll('[data-without-script]').forEach(function (element) {
        element.hidden = true;
    });

    // A select marked data-fill-fields fills its form's fields from the chosen option's data-fill, a JSON
    // object of field name -> value (Generate License: a plan's settings); check boxes take "true" / "false".
    document.addEventListener('change', function (event) {
        var select = event.target;
        if (!select.matches || !select.matches('select[data-fill-fields]') || !select.form) {
            return;
        }
        var option = select.options[select.selectedIndex];
        var fill = option && option.getAttribute('data-fill');
        if (!fill) {
            return;
        }
        var values = JSON.parse(fill);
        Object.keys(values).forEach(function (name) {
            var fields = select.form.querySelectorAll('[name="' + name.replace(/"/g, '') + '"]');
            fields.forEach(function (field) {
                if (field.type === 'checkbox') {
                    field.checked = values[name] === 'true';
                } else if (field.type !== 'hidden' || fields.length === 1) {
                    field.value = values[name];
                }
            });
        });
    });
}());

// Line refunds: <fieldset data-refund-total="#id"> with checkboxes carrying data-amount; the shown total follows the ticked boxes (the server computes the real one).
(function () {
    'use strict';
    document.querySelectorAll('[data-refund-total]').forEach(function (set) {
        var total = document.querySelector(set.getAttribute('data-refund-total'));
        if (!total) {
            return;
        }
        var format = new Intl.NumberFormat(undefined, { style: 'currency', currency: total.getAttribute('data-currency') || 'USD' });
        set.addEventListener('change', function () {
            var sum = 0;
            set.querySelectorAll('input[type=checkbox][data-amount]:checked').forEach(function (box) {
                sum += Math.round(parseFloat(box.getAttribute('data-amount')) * 100);
            });
            total.textContent = format.format(sum / 100);
        });
    });
})();
