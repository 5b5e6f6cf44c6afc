# aftercare: las palabras de la propia interfaz, en español (de usted).
#
# Un mensaje por línea: un valor que ocupa varias líneas conserva sus saltos de línea. Las palabras
# médicas (preguntas, respuestas, resultados, explicaciones) son contenido, en data/es/, no aquí.
# Las mismas claves y variables que locales/en/aftercare.ftl (tests/catalogue.rs lo comprueba).
# Los nombres de las teclas (Enter, Esc, q, ?) no cambian: las teclas son las mismas.

## The welcome screen

welcome-is = Esta guía le ayuda a distinguir una reacción normal después de un masaje (enrojecimiento, dolor muscular al día siguiente, cansancio) de una señal que necesita a su terapeuta, un médico, atención urgente o una llamada de emergencia.
# Said when the content has no intro of its own; the emergency line is the banner's.
welcome-is-not = Es una guía, no un diagnóstico.
welcome-start = Revisar un síntoma
welcome-browse = Ver explicaciones
welcome-quit = Salir
# The language switch: each language named in its own words.
welcome-lang-en = English
welcome-lang-es = Español

## The outcome screen

outcome-another = Revisar otro síntoma
outcome-start-again = Empezar de nuevo
outcome-quit = Salir
# In a kiosk, in place of Quit.
outcome-finish = Terminar y borrar
outcome-do-now = Haga esto ahora
outcome-watch = Pida ayuda si…
# On an outcome below an earlier, more urgent result: that result comes first.
outcome-earlier-first = Su resultado anterior va primero
# The outcome's further things to do, after the first one and the emergency line.
outcome-also = Además
outcome-why = Por qué
outcome-read-more = ¿Por qué? Lea más (pulse su número o tóquelo)
outcome-results = Sus resultados hasta ahora
outcome-overall = En total:
# The label for this symptom's own level, after the overall one.
outcome-this-one = este síntoma:

## Questions and scrolling

# Before the answers so far.
question-so-far = Hasta ahora:
more-above = más arriba (↑)
more-below = más abajo (↓)

## The explanations

topics-title = Explicaciones
topics-some = Explicaciones: { $n } de { $all }
topics-search = Buscar:
topics-search-how = Pulse / para buscar.
topics-search-clear = (Esc borra)
topics-no-match = Ninguna explicación contiene '{ $query }'. Pulse Backspace o Esc para cambiarlo.
topic-related = Explicaciones relacionadas
topic-sources = Fuentes

## The help overlay and the quit dialog

help-title = Teclas
help-mouse = También puede hacer clic o tocar una respuesta o un botón.
quit-title = ¿Salir?
quit-text = ¿Salir ahora? Sus respuestas no se guardarán.
quit-yes = [y] Sí, salir
quit-no = [n] No, seguir

## The window

too-small = Agrande la ventana, por favor (necesita { $need }, ahora { $now }).
# Printed after the terminal has been restored; the emergency line follows it.
crashed = aftercare se detuvo por un error interno; la terminal se ha restaurado.

## The take-home code

take-home-title = Lléveselo
take-home-text = Apunte la cámara de su teléfono al código para guardar un breve resumen de sus resultados. Las palabras están dentro del código: no se envía nada a ningún sitio y aquí no se guarda nada. Toque o pulse Esc para cerrar.
take-home-too-small = El código no cabe en esta ventana. Agrande la ventana, o anote sus resultados. Toque o pulse Esc para cerrar.

## Dialogs

still-there-title = ¿Sigue ahí?
still-there-text = Para que sus respuestas sigan siendo privadas, se borrarán en { $n ->
        [one] { $n } segundo
       *[other] { $n } segundos
    }. Toque en cualquier sitio o pulse cualquier tecla para seguir.
still-there-button = Sigo aquí
staff-title = Salida del personal
staff-text = Escriba el PIN del personal y luego Enter u OK.
# Before the dots that stand for the digits typed.
staff-pin = PIN:
dialog-cancel = [Esc] Cancelar
save-title = Guardar sus resultados
save-text = Escriba un nombre de archivo y pulse Enter. Se guarda en la carpeta desde la que inició aftercare, como texto simple (Markdown). No se guarda nada más.

## The levels, shown with their symbols so a level is never colour alone

level-expected = Normal
level-therapist = Avise a su terapeuta
level-doctor = Vea a un médico
level-urgent = Pida ayuda hoy
level-emergency = EMERGENCIA

## Key names, in the help and the footer

key-space = Espacio
# $key is the letter: "Ctrl-C".
key-ctrl = Ctrl-{ $key }
key-enter = Enter
key-esc = Esc
key-backspace = Backspace
key-tab = Tab
key-backtab = Shift-Tab
key-page-up = PgUp
key-page-down = PgDn
key-home = Home
key-end = End
# The number keys, together.
key-digits = 1–9
# Every printable key, in a search.
key-letters = letras

## The help overlay's lines (help-) and the footer's hints (hint-), one pair a key binding

help-confirm-yes = Sí, salir
hint-confirm-yes = salir
help-confirm-no = No, seguir
hint-confirm-no = seguir
help-close = Cerrar esta lista
hint-close = cerrar
help-type = Escriba palabras para acotar la lista de explicaciones
help-clear-search = Borrar la búsqueda
hint-clear-search = borrar
help-go-back-or-clear = Volver (o borrar la búsqueda)
help-show-keys = Mostrar esta lista de teclas
hint-show-keys = ayuda
help-quit = Salir (pregunta antes si ha respondido)
hint-quit = salir
help-open = Abrir la explicación o el enlace resaltado
hint-open = abrir
help-erase = Borrar la última letra de la búsqueda
help-search = Buscar en las explicaciones
hint-search = buscar
help-up = Subir / desplazar hacia arriba
help-down = Bajar / desplazar hacia abajo
help-page-up = Subir una página
help-page-down = Bajar una página
help-pick = Elegir al momento esa respuesta numerada
help-choose = Elegir la respuesta o el botón resaltado
hint-choose = elegir
help-next-button = Botón siguiente
help-next-link = Resaltar el enlace siguiente
hint-next-link = enlace
help-prev-link = Resaltar el enlace anterior
help-open-numbered = Abrir al momento esa explicación numerada
help-top = Ir al principio
help-end = Ir al final
help-prev-button = Botón anterior
help-another = Revisar otro síntoma
hint-another = otro
help-back = Volver un paso
hint-back = atrás
help-restart = Empezar de nuevo
hint-restart = de nuevo
help-why = ¿Por qué? Leer la explicación
hint-why = ¿por qué?
help-take-home = Lléveselo: sus resultados en un código QR para su teléfono
hint-take-home = código QR
help-save = Guardar sus resultados en un archivo (Markdown)
hint-save = guardar
help-finish = Terminar: borrar todas las respuestas y volver al inicio
help-quit-now = Salir al momento
help-language = Cambiar de idioma
hint-language = English

## Whom to call (words.rs): $number is the emergency number, $phone the clinic's, $clinic its name

emergency-call = ¿Se encuentra muy mal? Llame al { $number } ahora.
emergency-questions-clinic = ¿Preguntas? Llame a { $clinic } al { $phone }.
emergency-questions-phone = ¿Preguntas? Llame al { $phone }.
emergency-questions-therapist = ¿Preguntas? Llame a su terapeuta de masaje.
# Shorter forms for a narrow banner, longest first.
emergency-short-phone = ¿Muy mal? Llame al { $number } ahora. ¿Preguntas? Llame al { $phone }.
emergency-short-clinic = Llame al { $number } ahora si está muy mal. Clínica: { $phone }.
emergency-short = Llame al { $number } ahora si está muy mal.
emergency-shortest = Llame al { $number }
# The take-home code's last lines.
compact-clinic = Clínica: { $phone }
compact-emergency = Emergencias: { $number }

## The summaries: printed, saved and in the take-home code

# $level is a level's words, $id its id.
overall-sentence = En total: { $level } ({ $id }). Cuenta el resultado más urgente.
summary-title = aftercare: sus resultados
# The printed summary's heading over each result's safety net, as "Do this now:" is over its steps.
summary-watch = Pida ayuda si:
# The saved file (Markdown); $title is the content's title.
summary-file-title = { $title }: sus resultados
summary-file-overall = **En total: { $level }** (cuenta el resultado más urgente)
code-title = Después de su masaje
code-overall = En total: { $level }
code-now = Ahora: { $text }

## The pictures: captions and the labels inside them

caption-vasodilation-before = Antes: el anillo de músculo liso de la pared del vaso está apretado, así que el vaso es estrecho.
caption-vasodilation-after = Después: el anillo de músculo se relaja y el vaso se ensancha. Pasa más sangre justo bajo la piel, que se ve rosada o roja y se nota caliente. Se pasa en unas horas.
caption-leg-clot = Un coágulo en una vena profunda de la pierna: una pantorrilla hinchada, caliente, roja o más oscura y dolorosa, distinta de la otra pierna. Pida ayuda el mismo día; llame al número de emergencias si le falta el aire o le duele el pecho.
picture-skin-pale = piel: pálida, temperatura normal
picture-skin-pink = piel: rosada y caliente
picture-vessel-narrow = vaso: estrecho
picture-vessel-wide = vaso: ensanchado, pasa más sangre
picture-usual-leg = pierna normal
picture-swollen-calf = pantorrilla hinchada, caliente, dolorosa
# The ASCII drawings' labels.
art-skin = piel
art-pale = (pálida)
art-pink = (rosada, caliente)
art-ring-tight = anillo apretado
art-little-flow = poca sangre
art-ring-relaxed = anillo relajado
art-more-flow = pasa más sangre
art-swollen-calf = pantorrilla hinchada
art-calf-signs = <- caliente, roja u oscura, duele

## The kiosk's PIN dialog and the save dialog

pin-wrong = PIN incorrecto. Vuelva a intentarlo en { $n } s.
pin-wait = Espere { $n } s, por favor.
pin-none = No hay PIN del personal (kiosk.pin_hash; créelo con `aftercare hash-pin`). Mientras tanto, detenga un quiosco de terminal con SIGTERM (`systemctl stop`); recargue un quiosco de navegador desde su navegador.
save-done = ✓ Guardado en { $path }
save-exists = Ese archivo ya existe. Pulse Enter otra vez para reemplazarlo, o cambie el nombre.
save-failed = No se pudo guardar: { $error }

## The review handout (aftercare export): for the clinicians who check the content

handout-title = { $title }: contenido para revisar
handout-counts = Versión del contenido **{ $version }**. { $questions } preguntas, { $outcomes } resultados, { $topics } temas, { $sources } fuentes.
handout-placeholders = Los marcadores se muestran rellenos con esta configuración: número de emergencias *{ $number }*, teléfono de la clínica *{ $phone }*.
# $id and $anchor name the question where "check another symptom" starts.
handout-start = Cada sesión empieza en la primera pregunta (una pantalla de emergencia). Después de cada resultado la persona puede revisar otro síntoma, que empieza en [{ $id }](#{ $anchor }); el resultado total es el más urgente.
handout-levels = Niveles: { $legend }. Las respuestas discontinuas o "no estoy seguro" deben llevar a la rama más segura.
handout-col-level = nivel
handout-col-outcomes = resultados
handout-col-answer = respuesta
handout-col-leads-to = lleva a
handout-questions = Preguntas
handout-outcomes = Resultados
handout-topics = Temas de explicación
handout-sources = Fuentes
handout-question-number = P{ $n }.
handout-emergency-screen = pantalla de emergencia
handout-not-sure = no estoy seguro
handout-to-question = pregunta [{ $id }](#{ $anchor })
handout-route = ; si { $facts }: [{ $to }](#{ $anchor })
handout-outcome-id = `{ $id }` · nivel **{ $level }**
handout-why = **Por qué:** { $text }
handout-read-more = **Lea más:** { $links }
handout-outcome-sources = **Fuentes:** { $links }
handout-topic-sources = Fuentes: { $links }
source-verified = comprobada en el editor
source-secondary = vista en una copia secundaria

## A kiosk whose content is broken at start (the terminal's refusal screen)

refused-text = Este quiosco no puede arrancar: su contenido tiene errores. Lo vuelve a intentar solo cada { $n } segundos, y en cuanto se corrijan los archivos.
refused-staff = Personal: corrijan cada línea de abajo (`aftercare check` muestra lo mismo).
refused-more = … y { $n } más (`aftercare check` los enumera todos)

## The page (the browser kiosk): what it shows in place of the kiosk

# After the emergency line, which every such message begins with.
page-first-line = { $line } O pregunte en el mostrador.
page-cannot-start = Este quiosco no puede arrancar. Toque para volver a intentarlo; también lo intenta solo cada { $n } segundos.
page-refused = Este quiosco no puede arrancar: sus archivos tienen errores. Toque para volver a intentarlo; también lo intenta solo cada { $n } segundos.
page-refused-staff = Personal: corrijan cada línea de arriba (`aftercare check` muestra lo mismo).
# $saved is page-kept or nothing; $first the first mistake.
page-notice = Personal: funcionando con la última copia buena{ $saved }: se rechazaron los archivos del servidor — { $first }. Esta pantalla los vuelve a probar cada { $n } s.
# $time is when the last good copy was kept: "2026-01-31 09:30".
page-kept = (guardada { $time })
page-crashed = Algo ha fallado. Esta pantalla se reinicia en unos segundos.
page-try-again = Volver a intentarlo
page-loading = Cargando…
page-help-more = Más sobre esta pregunta

## The command line, to a person who started the app where it cannot run

# $missing is cli-stdin or cli-stdout.
cli-no-terminal = error: aftercare necesita una terminal, y { $missing } no lo es
cli-no-terminal-hint = sugerencia: para un lector de pantalla, un script o una tubería use el modo de líneas: aftercare --plain
cli-stdin = la entrada estándar
cli-stdout = la salida estándar


## The line mode (aftercare --plain): what it says at the start and on help, its prompts, and its
## replies to a line it cannot take.
line-commands = Escriba el número de una respuesta, o el principio de sus palabras. Otras órdenes: atrás (volver un paso), reiniciar (empezar de nuevo), por qué (explicar), ayuda (este texto), salir (terminar y mostrar el resumen).
# The prompt on a screen with numbered choices; $n is how many. The line mode adds a space after it.
line-answer = Su respuesta (1-{ $n }):
# The prompt on a screen without numbered choices. The line mode adds a space after it.
line-choice = Su elección:
# Before the screen's other words to type (its footer's), on one line.
line-or-type = O escriba:
line-empty = Escriba una respuesta, por favor.
line-no-number = No hay respuesta { $n }. Escriba un número del 1 al { $max }.
line-not-one = '{ $typed }' no es una de las respuestas. Escriba un número del 1 al { $max }.
line-not-a-choice = '{ $typed }' no es una de las opciones. Escriba ayuda para ver las órdenes.
line-many = '{ $typed }' coincide con más de una respuesta ({ $which }). Escriba el número.
line-nothing = Eso no hace nada en esta pantalla. Escriba ayuda para ver las órdenes.
line-restarted = Empezamos de nuevo. Se han borrado sus respuestas anteriores.
line-no-result = Resumen: aún no hay resultado.

## The words a person may type in the line mode for each command, whole (any case), separated by
## commas. Keep them apart from each other; an answer's own words are matched after these.
line-words-back = atrás, atras, volver, b
line-words-restart = reiniciar, empezar de nuevo
line-words-help = ayuda, ?
line-words-why = por qué, por que, ¿por qué?
line-words-quit = salir, terminar, q
# Typed on a question that has a "none of these" answer (its id is none), these pick it.
line-words-none = no, ninguno, ninguna, nada

## `why` on a question without help of its own: the lead, then either the question's own "Not
## sure" answer ($label) or, where it has none, the closest answer.
why-lead = Su respuesta decide la siguiente pregunta.
why-not-sure = Si no está seguro, elija '{ $label }': lleva por el camino más seguro.
why-closest = Elija la respuesta más cercana a lo que nota.

## The number pad's erase key and a dialog's close button, as the screen-reader mirror names them.
pad-erase = Borrar
dialog-close = Cerrar

## What the interface calls the clinic's phone and the clinic when the clinic config names none
## (filled into the content's {clinic_phone} and {clinic_name}).
clinic-no-phone = su terapeuta de masaje
clinic-no-emergency = número de emergencias (112, 911 o 999)
clinic-no-name = su clínica

## Sign-off (`aftercare sign`, `aftercare check`, require_signoff): for the clinic's staff and the
## clinician who approves the content, never for a person using the guide.

# Where content stands against its signoff.toml ($date is YYYY-MM-DD, $by the name, $role the role).
signoff-never = sin aprobar (no hay registro en signoff.toml; un clínico lo aprueba con `aftercare sign --by NOMBRE`)
signoff-signed = aprobado el { $date } por { $by }
signoff-signed-role = aprobado el { $date } por { $by } ({ $role })
signoff-changed = ha cambiado desde que lo aprobó { $by } el { $date }: ejecute `aftercare diff --git REV` (o `aftercare diff ANTIGUO NUEVO`) para ver qué hace el cambio, revíselo con el clínico y vuelva a aprobarlo con `aftercare sign`
signoff-one-file = sin aprobar (la aprobación cubre una carpeta de contenido; ponga el archivo en una carpeta y apruebe la carpeta)
# The built-in content (`aftercare check` without a path).
signoff-built-in = no lleva aprobación: es el borrador del proyecto, que ninguna clínica ha aprobado. Para usar contenido aprobado, copie data/ a una carpeta propia, revíselo, apruébelo (`aftercare sign --by NOMBRE CARPETA`) y use esa carpeta (--content, o content en la configuración de la clínica)
# The same for the kiosk log and the page's staff notice: no names.
signoff-log-signed = aprobado el { $date }
signoff-log-never = el contenido no está aprobado (no hay registro en signoff.toml)
signoff-log-changed = el contenido ha cambiado desde su última aprobación ({ $date }); vuelva a aprobarlo o restaure la versión aprobada
signoff-log-built-in = el contenido incorporado no lleva aprobación; indique una carpeta de contenido aprobada (--content, o content en la configuración de la clínica)
signoff-log-one-file = el contenido es un solo archivo, y la aprobación cubre una carpeta de contenido
# The page's refusal of its compiled-in content when that does not decode (never in practice).
embedded-name = el contenido incorporado
embedded-undecodable = el contenido incorporado en la página no se puede decodificar; vuelva a compilar la página con scripts/build-web.sh
# The lines `aftercare check` prints; $path is the content folder, $line one of the above.
signoff-note = nota: { $path }: { $line }
signoff-warning = aviso: { $path }: { $line }
signoff-error = error: { $path }: { $line }
signoff-required = error: se exige la aprobación (--require-signoff, o require_signoff en la configuración de la clínica)
translation-unreviewed = nota: { $path }: ningún clínico que domine el idioma ha revisado esta traducción frente al inglés (añada [meta] clinician_review = "nombre, cargo, fecha" a { $lang }/tree.toml cuando lo haya hecho)
# A malformed signoff.toml.
signoff-bad-hash = esto no es un hash como lo escribe `aftercare sign` ('sha256:' y 64 dígitos hexadecimales)
signoff-bad-date = esto no es una fecha escrita como AAAA-MM-DD
signoff-bad-text = esto tiene un carácter de control
signoff-no-name = el nombre de quien aprobó está vacío
signoff-hint-format = `aftercare sign` escribe este archivo: una tabla [[signoff]] por aprobación (docs/clinic-review.md)
signoff-hint-sign = restaure el archivo desde git (`git checkout -- signoff.toml`); `aftercare sign` añade registros
signoff-file-has-errors = error: { $path } tiene errores; corríjalo (o restáurelo desde git) antes de volver a aprobar
# `aftercare sign`; the header is the first line of a new signoff.toml (after '# ').
signoff-file-header = Aprobaciones del contenido de esta carpeta, la más reciente al final, escritas por `aftercare sign`: no editar; `aftercare check` compara el contenido con la última.
sign-done = { $path }: aprobado el { $date } por { $by }
sign-done-role = { $path }: aprobado el { $date } por { $by } ({ $role })
sign-hashes = contenido { $content }, registro de riesgos { $hazards }
sign-not-folder = error: { $path } no es una carpeta de contenido; apruebe la carpeta que contiene los archivos de contenido
sign-has-errors = error: { $path } tiene errores; solo se puede aprobar contenido que pasa `aftercare check`
sign-bad-value = error: --{ $option } está vacío o tiene un carácter de control
sign-write-failed = error: no se pudo escribir { $path }: { $reason }
# A kiosk with require_signoff that refuses its content at start ($line is a signoff-log-* line).
signoff-kiosk-refused = error: { $path }: { $line }. Este quiosco solo usa contenido aprobado (require_signoff en la configuración de la clínica), así que no se ha iniciado nada. Vea `aftercare check { $path }` y docs/clinic-review.md.
