;;; harness.el --- Emacs + eglot drive the starlint server in batch mode  -*- lexical-binding: t -*-
;; Inputs come from the environment; the results are written as JSON for the mocha test.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)
(require 'markdown-mode)
(require 'json)
(require 'flymake)

(defvar starlint-result nil)
(defun starlint-note (key value) (push (cons key value) starlint-result))
(defun starlint-finish ()
  (with-temp-file (getenv "STARLINT_OUT") (insert (json-encode starlint-result)))
  (kill-emacs 0))

(defun starlint-wait (predicate seconds)
  "Run the event loop until PREDICATE is true or SECONDS pass."
  (let ((end (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) end))
      (accept-process-output nil 0.05)
      (when (bound-and-true-p flymake-mode) (flymake-start)))
    (funcall predicate)))

(defun starlint-diagnostics ()
  (mapcar (lambda (d)
            (save-excursion
              (goto-char (flymake-diagnostic-beg d))
              (list (cons 'line (1- (line-number-at-pos)))
                    (cons 'col (current-column))
                    (cons 'type (symbol-name (flymake-diagnostic-type d)))
                    (cons 'text (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(condition-case err
    (let ((server (getenv "STARLINT_SERVER"))
          (file (getenv "STARLINT_FILE")))
      ;; A folder with no version control is still a project.
      (add-hook 'project-find-functions (lambda (dir) (cons 'transient (file-name-directory file))))
      ;; The configuration docs/editors.md gives, with `node dist/server.js` for `starlint-lsp`.
      (add-to-list 'eglot-server-programs `((markdown-mode gfm-mode) . ("node" ,server "--stdio")))
      (setq-default eglot-workspace-configuration '(:starlint (:debounceMs 50)))
      (find-file file)
      (markdown-mode)
      (apply #'eglot (eglot--guess-contact))
      (unless (starlint-wait (lambda () (flymake-diagnostics)) 20)
        (error "no diagnostics after open"))
      (starlint-note 'open (starlint-diagnostics))
      ;; An edit: eglot sends it as an incremental change.
      (goto-char (point-min))
      (re-search-forward "^We compared")
      (beginning-of-line)
      (insert "I tried a bunch of things. ")
      (eglot--signal-textDocument/didChange)
      (unless (starlint-wait (lambda () (seq-some (lambda (d) (string-match-p "vague-language" (flymake-diagnostic-text d))) (flymake-diagnostics))) 20)
        (error "no vague-language diagnostic after the edit"))
      (starlint-note 'edited (starlint-diagnostics))
      ;; Hover on the Action heading.
      (goto-char (point-min))
      (re-search-forward "^## Action")
      (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                    (list :textDocument (eglot--TextDocumentIdentifier)
                                          :position (eglot--pos-to-lsp-position (- (point) 3))))))
        (starlint-note 'hover (plist-get (plist-get hover :contents) :value)))
      (eglot-shutdown (eglot-current-server))
      (starlint-finish))
  (error (starlint-note 'error (format "%S" err)) (starlint-finish)))
