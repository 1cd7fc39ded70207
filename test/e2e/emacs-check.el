;;; emacs-check.el --- Tifa in Emacs (eglot), configured by the README's snippet  -*- lexical-binding: t -*-
;; usage: TIFA_INIT=init.el emacs --batch -l emacs-check.el DRAFT
;; Loads the README snippet, opens the draft in text-mode (the snippet's hook starts eglot),
;; checks the diagnostic on a line that starts with Chinese text and the hover.
(require 'eglot)
(require 'flymake)
(defvar tifa-ok t)
(defun tifa-say (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun tifa-check (cond what) (tifa-say "%s %s" (if cond "PASS" "FAIL") what) (unless cond (setq tifa-ok nil)))
(defun tifa-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline)) (accept-process-output nil 0.05))
    (funcall pred)))

(let ((file (car command-line-args-left)))
  (setq command-line-args-left nil)
  (load (getenv "TIFA_INIT") nil t)
  (require 'eglot) ; runs the snippet's with-eval-after-load
  (tifa-say "emacs %s" emacs-version)
  (find-file file)
  (text-mode) ; runs text-mode-hook: eglot-ensure
  ;; eglot-ensure starts the server from post-command-hook; batch mode has no command loop, so
  ;; run the hook as the loop would after the command that opened the file.
  (run-hooks 'post-command-hook)
  (tifa-check (tifa-wait (lambda () (eglot-managed-p)) 15) "the README snippet started eglot for the buffer")
  (flymake-mode 1)
  (tifa-check (tifa-wait (lambda () (flymake-start) (flymake-diagnostics)) 15) "diagnostics received (flymake)")
  (let* ((diags (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
         (first (car diags)))
    (dolist (d diags)
      (tifa-say "diagnostic %S %s" (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) (flymake-diagnostic-text d)))
    (tifa-check (and first (= (flymake-diagnostic-beg first) (point-min))
                     (equal (buffer-substring-no-properties (flymake-diagnostic-beg first) (flymake-diagnostic-end first)) "网络强国"))
                "first diagnostic covers 网络强国 at the start of line 1")
    (tifa-check (and (cadr diags) (equal (buffer-substring-no-properties (flymake-diagnostic-beg (cadr diags)) (flymake-diagnostic-end (cadr diags))) "核心技术"))
                "second diagnostic covers 核心技术 after other Chinese text"))
  (goto-char (+ (point-min) 1))
  (let* ((srv (or (eglot-current-server) (error "no eglot server for the buffer")))
         (res (jsonrpc-request srv :textDocument/hover (eglot--TextDocumentPositionParams)))
         (val (plist-get (plist-get res :contents) :value)))
    (tifa-say "hover: %s" (and val (substring val 0 (min 120 (length val)))))
    (tifa-check (and val (string-match-p (regexp-quote "Preferred 首选: **cyber superpower** (DigiChina; source 来源: DigiChina, ") val)) "hover shows the preferred rendering")
    (eglot-shutdown srv)))
(tifa-say (if tifa-ok "RESULT: PASS" "RESULT: FAIL"))
(kill-emacs (if tifa-ok 0 1))
