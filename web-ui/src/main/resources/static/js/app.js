// The app page: copy the curl example, and "try it" (sends the request through the router).
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand('copy');
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }

  var copy = document.getElementById('copy-curl');
  if (copy) {
    copy.addEventListener('click', function () {
      var feedback = document.getElementById('copy-feedback');
      copyText(document.getElementById(copy.dataset.copy).textContent).then(function () {
        copy.textContent = 'Copied';
        feedback.textContent = 'The curl command is on the clipboard.';
        setTimeout(function () { copy.textContent = 'Copy'; }, 2000);
      }, function () {
        feedback.textContent = 'Copying is not allowed here: select the command and copy it by hand.';
      });
    });
  }

  var panel = document.getElementById('try-it');
  if (!panel) { return; }
  var body = document.getElementById('try-body');
  var answer = document.getElementById('try-response');
  var status = document.getElementById('try-status');
  var curl = document.getElementById('curl-example');

  // One row of placeholder values for each input the model reports (-1 dimensions become 1).
  function sampleFrom(metadata) {
    return {
      inputs: (metadata.inputs || []).map(function (input) {
        var shape = (input.shape || []).map(function (d) { return d < 0 ? 1 : d; });
        var count = shape.reduce(function (a, b) { return a * b; }, 1);
        var value = /^FP/.test(input.datatype) ? 0.5 : input.datatype === 'BOOL' ? false
          : input.datatype === 'BYTES' ? 'text' : 1;
        var data = [];
        for (var i = 0; i < count && i < 4096; i++) { data.push(value); }
        return { name: input.name, datatype: input.datatype, shape: shape, data: data };
      })
    };
  }

  var keyField = document.getElementById('try-key');
  function withKey(headers) {
    if (keyField && keyField.value.trim() !== '') {
      headers['Authorization'] = 'Bearer ' + keyField.value.trim();
    }
    return headers;
  }

  function loadMetadata() {
    body.value = '';
    body.placeholder = 'Asking the model for its inputs…';
    fetch(panel.dataset.metadata, { cache: 'no-store', headers: withKey({}) }).then(function (r) {
      if (!r.ok) { throw new Error('the model answered ' + r.status); }
      return r.json();
    }).then(function (metadata) {
      var sample = sampleFrom(metadata);
      body.value = JSON.stringify(sample, null, 2);
      curl.textContent = "curl -s " + panel.dataset.inferUrl + " \\\n  -H 'Content-Type: application/json' \\\n  -d '"
        + JSON.stringify(sample).replace(/'/g, "'\\''") + "'";
    }).catch(function (e) {
      body.placeholder = '{"inputs": [{"name": "...", "datatype": "FP32", "shape": [1, 4], "data": [...]}]}';
      document.getElementById('try-hint').textContent = 'Could not read the model\'s inputs (' + e.message
        + (keyField ? '; enter an invoke key' : '') + '); write the request by hand.';
    });
  }

  if (panel.dataset.declared !== 'true') {
    loadMetadata();
    if (keyField) {
      keyField.addEventListener('change', function () {
        if (body.value.trim() === '') { loadMetadata(); }
      });
    }
  }

  document.getElementById('try-form').addEventListener('submit', function (event) {
    event.preventDefault();
    try {
      JSON.parse(body.value);
    } catch (e) {
      status.textContent = '— not sent';
      answer.className = 'code error';
      answer.textContent = 'The request body is not valid JSON: ' + e.message;
      return;
    }
    var started = performance.now();
    status.textContent = '— sending…';
    answer.className = 'code';
    fetch(panel.dataset.infer, {
      method: 'POST',
      headers: withKey({ 'Content-Type': 'application/json', 'Accept': 'application/json' }),
      body: body.value
    }).then(function (response) {
      return response.text().then(function (text) {
        var millis = Math.round(performance.now() - started);
        status.textContent = '— HTTP ' + response.status + ' in ' + millis + ' ms';
        answer.className = response.ok ? 'code ok' : 'code error';
        try {
          answer.textContent = JSON.stringify(JSON.parse(text), null, 2);
        } catch (e) {
          answer.textContent = text || '(empty answer)';
        }
      });
    }).catch(function (e) {
      status.textContent = '— failed';
      answer.className = 'code error';
      answer.textContent = 'The request did not get an answer: ' + e.message;
    });
  });
})();
