// Progressive enhancement of file inputs marked `data-direct-upload="<kind>"`: the chosen file goes
// straight to storage (intent → PUT with progress → complete), so big files never pass through our
// functions (6 MB payload cap in AWS), and the form then posts only the file's id in a hidden
// input. Without this script, or when anything here fails, the form posts the file as before.
(function () {
  'use strict';
  // Loaded again after client-side navigation; one set of listeners on the document serves every form.
  if (window.koldooDirectUpload || !window.XMLHttpRequest || !window.fetch || !window.JSON) return;
  window.koldooDirectUpload = true;

  var running = 0;
  var held = null; // a submit pressed during an upload, sent once it is over

  function format(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  function statusOf(input) {
    var id = input.id + '-upload-status';
    var status = document.getElementById(id);
    if (!status) {
      status = document.createElement('p');
      status.id = id;
      status.className = 'field-hint upload-status';
      status.setAttribute('role', 'status');
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.hidden = true;
      var text = document.createElement('span');
      status.appendChild(bar);
      status.appendChild(text);
      input.insertAdjacentElement('afterend', status);
    }
    return {
      show: function (message, percent) {
        var bar = status.querySelector('progress');
        bar.hidden = percent === undefined;
        if (percent !== undefined) bar.value = percent;
        status.querySelector('span').textContent = ' ' + message;
      },
    };
  }

  function fail(kind, cause) {
    var error = new Error(kind);
    error.kind = kind;
    error.cause = cause;
    return error;
  }

  // An API refusal the plain post would meet again (type, size) versus anything else (network, 5xx).
  function failureOf(response) {
    if (response.status === 413) return fail('tooLarge');
    if (response.status === 400) return fail('type');
    return fail('failed', response.status);
  }

  function postJson(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      if (!response.ok) throw failureOf(response);
      return response.json();
    });
  }

  function put(intent, file, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(intent.method || 'PUT', intent.url);
      for (var name in intent.headers) xhr.setRequestHeader(name, intent.headers[name]);
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) onProgress(event.loaded);
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(xhr.status === 413 ? fail('tooLarge') : fail('failed', xhr.status));
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = function () {
        reject(fail('failed'));
      };
      xhr.send(file);
    });
  }

  function uploadOne(kind, file, onProgress) {
    return postJson('/api/uploads/intents', { kind: kind, contentType: file.type, size: file.size })
      .then(function (intent) {
        return put(intent, file, onProgress).then(function () {
          return postJson('/api/uploads/' + encodeURIComponent(intent.uploadId) + '/complete');
        });
      })
      .then(function (reply) {
        return reply.file.id;
      });
  }

  function keepId(input, id) {
    var name = input.getAttribute('data-upload-target');
    var isList = input.multiple;
    var hidden = isList ? null : input.form.querySelector('input[type="hidden"][name="' + name + '"]');
    if (!hidden) {
      hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = name;
      input.insertAdjacentElement('beforebegin', hidden);
    }
    hidden.value = id;
  }

  function keepOnly(input, files) {
    try {
      var list = new DataTransfer();
      files.forEach(function (file) { list.items.add(file); });
      input.files = list.files;
    } catch (error) {
      input.value = '';
    }
  }

  function finish() {
    running -= 1;
    if (running > 0 || !held) return;
    var submit = held;
    held = null;
    if (submit.form.requestSubmit) submit.form.requestSubmit(submit.submitter || undefined);
    else submit.form.submit();
  }

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || !input.matches || !input.matches('input[type="file"][data-direct-upload]') || !input.form) return;
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0) return;
    var messages = JSON.parse(input.getAttribute('data-upload-messages') || '{}');
    var types = (input.getAttribute('data-upload-types') || '').split(',');
    var max = Number(input.getAttribute('data-upload-max')) || Infinity;
    var status = statusOf(input);
    for (var i = 0; i < files.length; i++) {
      if (files[i].size > max) {
        input.value = '';
        status.show(messages.tooLarge);
        return;
      }
      // A type the browser cannot name (or names otherwise): the server sniffs it from the plain post.
      if (files[i].size === 0 || types.indexOf(files[i].type) < 0) return;
    }

    var total = files.reduce(function (sum, file) { return sum + file.size; }, 0);
    var done = 0;
    var uploaded = 0;
    var names = files.map(function (file) { return file.name; }).join(', ');
    var kind = input.getAttribute('data-direct-upload');
    running += 1;
    status.show(format(messages.progress, { name: names, percent: 0 }), 0);

    var chain = Promise.resolve();
    files.forEach(function (file) {
      chain = chain.then(function () {
        return uploadOne(kind, file, function (loaded) {
          var percent = Math.min(100, Math.floor(((done + loaded) * 100) / total));
          status.show(format(messages.progress, { name: file.name, percent: percent }), percent);
        }).then(function (id) {
          done += file.size;
          uploaded += 1;
          keepId(input, id);
        });
      });
    });
    chain
      .then(function () {
        // Only the ids go with the form now.
        input.value = '';
        status.show(format(messages.done, { name: names }));
      })
      .catch(function (error) {
        if (error && (error.kind === 'type' || error.kind === 'tooLarge')) {
          input.value = '';
          status.show(messages[error.kind]);
        } else {
          // The files not sent yet stay chosen and go with the plain post; those sent are ids already.
          status.show(messages.failed);
          if (uploaded > 0) keepOnly(input, files.slice(uploaded));
        }
      })
      .then(finish);
  });

  document.addEventListener(
    'submit',
    function (event) {
      if (running === 0) return;
      event.preventDefault();
      held = { form: event.target, submitter: event.submitter };
      var input = event.target.querySelector('input[type="file"][data-direct-upload]');
      if (input) statusOf(input).show(JSON.parse(input.getAttribute('data-upload-messages') || '{}').wait);
    },
    true,
  );
})();
