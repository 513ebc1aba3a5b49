// Follows a deployment's build log as it is written, then shows how the deployment ended.
(function () {
  'use strict';
  var log = document.getElementById('build-log');
  if (!log) { return; }
  var state = document.getElementById('log-state');
  var badge = document.getElementById('deployment-status');
  var result = document.getElementById('deployment-result');

  function atBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  }

  function append(text) {
    var follow = atBottom();
    log.textContent += text;
    if (follow) { log.scrollTop = log.scrollHeight; }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function showResult(d) {
    badge.textContent = d.status;
    badge.className = 'badge badge-' + d.status;
    state.textContent = d.finished ? 'complete' : 'following…';
    if (!d.finished) { return; }
    result.textContent = '';
    var box;
    if (d.status === 'live') {
      box = el('div', 'alert alert-success');
      box.appendChild(el('strong', null, 'Release v' + d.release + ' is live. '));
      var open = el('a', 'button primary', 'Open ' + d.app);
      open.href = d.appPath;
      open.id = 'open-app';
      box.appendChild(open);
    } else {
      box = el('div', 'alert alert-error');
      box.setAttribute('role', 'alert');
      box.appendChild(el('strong', null, 'The deployment failed: '));
      box.appendChild(el('span', 'reason', d.reason || 'see the build log'));
      var again = el('p');
      var link = el('a', null, 'Deploy again');
      link.href = '/deploy?app=' + encodeURIComponent(d.app);
      again.appendChild(link);
      box.appendChild(again);
    }
    result.appendChild(box);
  }

  function status() {
    return fetch(log.dataset.status, { cache: 'no-store' }).then(function (r) { return r.json(); });
  }

  function pollUntilFinished() {
    status().then(function (d) {
      showResult(d);
      if (!d.finished) { setTimeout(pollUntilFinished, 1000); }
    }).catch(function () { setTimeout(pollUntilFinished, 2000); });
  }

  if (log.dataset.finished === 'true') { return; }

  // Read the whole log again as a stream: it ends when the deployment is over, or when the server
  // closes a long request (its async timeout); then it is read again while the deployment runs.
  var finalRead = false;
  function follow() {
    fetch(log.dataset.log, { cache: 'no-store' }).then(function (response) {
      if (!response.ok || !response.body) { throw new Error('log answered ' + response.status); }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var first = true;
      function next() {
        return reader.read().then(function (chunk) {
          if (first) { log.textContent = ''; first = false; }
          if (chunk.done) {
            append(decoder.decode());
            return status().then(function (d) {
              if (d.finished && !finalRead) {
                // the stream may have been cut (the server's async timeout) just before the last
                // lines: read the finished log once more, whole, before saying how it ended
                finalRead = true;
                follow();
                return;
              }
              showResult(d);
              if (!d.finished) { setTimeout(follow, 500); }
            });
          }
          append(decoder.decode(chunk.value, { stream: true }));
          return next();
        });
      }
      return next();
    }).catch(function () {
      state.textContent = 'live log unavailable; reload the page to see more';
      pollUntilFinished();
    });
  }
  follow();
})();
